using Microsoft.Playwright;
using UserAdmin.BrowserTests.Infrastructure;
using UserAdmin.Tests.Infrastructure;
using UserAdmin.Tests.People;

namespace UserAdmin.BrowserTests.People;

public sealed class PeopleImportPageTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact] // R-EXP-1, R-IMP-2, R-IMP-7, R-IMP-8, R-IMP-9
    public async Task Export_edit_upload_map_preview_apply_and_see_the_result()
    {
        var page = await session.SignedInPageAsync(TestAccounts.Admin);
        await page.GotoAsync("/people");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export button[type=submit]"));
        Assert.Equal("people.csv", download.SuggestedFilename);
        var exported = PeopleFile.Parse(await File.ReadAllTextAsync(await download.PathAsync()));
        var row = exported.RowOf("alex.morgan@example.com");
        exported[row, "Last Name"] = "Morgan-Smith";
        var edited = Path.Combine(Path.GetTempPath(), $"people-{Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(edited, exported.ToBytes());

        await page.GotoAsync("/people/import");
        await page.SetInputFilesAsync("#file", edited);
        await page.ClickAsync("#upload-form button[type=submit]");
        await page.WaitForURLAsync(url => url.EndsWith("/map", StringComparison.Ordinal));
        Assert.Equal("Email", await page.Locator("#column-Email").InputValueAsync());
        Assert.Equal("Last Name", await page.Locator("#column-LastName").InputValueAsync());
        await Screenshots.SaveAsync(page, "import-map");

        await page.ClickAsync("#map-form button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("/preview", StringComparison.Ordinal));
        Assert.Equal("1", await page.Locator("#count-updated").InnerTextAsync());
        Assert.Contains("Morgan → Morgan-Smith", await page.Locator("#changes").InnerTextAsync(), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "import-preview");

        await page.ClickAsync("#apply");
        await page.WaitForURLAsync(url => url.Contains("/people/imports/", StringComparison.Ordinal));
        Assert.Equal("1", await page.Locator("#updated").InnerTextAsync());
        await Screenshots.SaveAsync(page, "import-result");

        await page.GotoAsync("/users?search=Morgan-Smith");
        Assert.Contains("Morgan-Smith, Alex", await page.Locator("#users").InnerTextAsync(), StringComparison.Ordinal);
        File.Delete(edited);
    }
}
