using UserAdmin.BrowserTests.Infrastructure;
using UserAdmin.Tests.Infrastructure;
using UserAdmin.Tests.People;

namespace UserAdmin.BrowserTests.People;

public sealed class ImportRevertPageTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact] // R-UNDO-2: Revert on the import's page, its preview in the import's layout, then the revert's own result page
    public async Task An_import_is_reverted_from_its_page_through_a_preview()
    {
        var page = await session.SignedInPageAsync(TestAccounts.Admin);
        await page.GotoAsync("/people");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export button[type=submit]"));
        var exported = PeopleFile.Parse(await File.ReadAllTextAsync(await download.PathAsync()));
        var row = exported.Rows[12];
        var oldLast = exported[row, "Last Name"];
        exported[row, "Last Name"] = "Reverted-Soon";
        exported.AddRow(("User ID", "0"), ("First Name", "Rhea"), ("Last Name", "Undone"), ("Email", "rhea.undone@example.com"), ("Team", "Alpha"), ("Roles", "Agent"));
        var edited = Path.Combine(Path.GetTempPath(), $"people-{Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(edited, exported.ToBytes());

        await page.GotoAsync("/people/import");
        await page.SetInputFilesAsync("#file", edited);
        await page.ClickAsync("#upload-form button[type=submit]");
        await page.WaitForURLAsync(url => url.EndsWith("/map", StringComparison.Ordinal));
        await page.ClickAsync("#preview-button");
        await page.WaitForURLAsync(url => url.Contains("/preview", StringComparison.Ordinal));
        await page.ClickAsync("#apply");
        await page.WaitForSelectorAsync("#revert");

        await page.ClickAsync("#revert");
        await page.WaitForURLAsync(url => url.EndsWith("/revert", StringComparison.Ordinal));
        Assert.Equal("1", await page.Locator("#count-updated").InnerTextAsync());
        Assert.Equal("1", await page.Locator("#count-deleted").InnerTextAsync());
        Assert.Contains($"Reverted-Soon → {oldLast}", await page.Locator("#changes").InnerTextAsync(), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "revert-preview");
        PageCheck.AssertNone(await PageCheck.AtBothWidthsAsync(page, "revert preview"));

        await page.ClickAsync("#apply");
        await page.WaitForSelectorAsync("#reverted-import-link");
        await page.WaitForSelectorAsync("#result-counts");
        Assert.Equal("1", await page.Locator("#deleted").InnerTextAsync());
        Assert.Equal("1", await page.Locator("#updated").InnerTextAsync());
        await Screenshots.SaveAsync(page, "revert-result");

        await page.ClickAsync("#reverted-import-link");
        await page.WaitForSelectorAsync("#reverted-by");
        Assert.Equal(0, await page.Locator("#revert").CountAsync()); // reverted once: no second Revert
        File.Delete(edited);
    }
}
