using UserAdmin.BrowserTests.Infrastructure;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.BrowserTests.People;

public sealed class MappingSchemaPageTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact] // R-MAP-1, R-MAP-2
    public async Task A_mapping_saved_in_one_import_fills_the_next_and_flags_the_missing_column()
    {
        var page = await session.SignedInPageAsync(TestAccounts.Admin);
        var first = await WriteFileAsync("Id,Given,Family,Mail,Staff No\r\n0,Ida,Berg,ida.berg@example.com,0007\r\n");
        var second = await WriteFileAsync("Mail,Family,Given,Id\r\nolaf.berg@example.com,Berg,Olaf,0\r\n");

        await UploadAsync(page, first);
        await page.SelectOptionAsync("#column-UserId", "Id");
        await page.SelectOptionAsync("#column-FirstName", "Given");
        await page.SelectOptionAsync("#column-LastName", "Family");
        await page.SelectOptionAsync("#column-Email", "Mail");
        await page.SelectOptionAsync("#column-EmployeeId", "Staff No");
        await page.FillAsync("#mapping-name", "Nordic HR");
        await page.ClickAsync("#save-mapping-button");
        await page.WaitForSelectorAsync("#mapping-notice");

        await UploadAsync(page, second);
        await page.SelectOptionAsync("#saved-mapping", new Microsoft.Playwright.SelectOptionValue { Label = "Nordic HR" });
        await page.ClickAsync("#saved-mapping-form button[type=submit]");
        await page.WaitForSelectorAsync("#applied-mapping");

        Assert.Equal("Given", await page.Locator("#column-FirstName").InputValueAsync());
        Assert.Equal("Mail", await page.Locator("#column-Email").InputValueAsync());
        Assert.Equal("", await page.Locator("#column-EmployeeId").InputValueAsync());
        Assert.Equal(1, await page.Locator("tr[data-field=EmployeeId] .missing-column").CountAsync());
        Assert.Contains("Employee ID", await page.Locator("#applied-mapping").InnerTextAsync(), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "mapping-applied");

        await page.ClickAsync("#preview-button");
        await page.WaitForSelectorAsync("#count-new");
        Assert.Equal("1", await page.Locator("#count-new").InnerTextAsync());
        File.Delete(first);
        File.Delete(second);
    }

    private static async Task<string> WriteFileAsync(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"mapping-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, text);
        return path;
    }

    private static async Task UploadAsync(Microsoft.Playwright.IPage page, string path)
    {
        await page.GotoAsync("/people/import");
        await page.SetInputFilesAsync("#file", path);
        await page.ClickAsync("#upload-form button[type=submit]");
        await page.WaitForURLAsync(url => url.EndsWith("/map", StringComparison.Ordinal));
    }
}
