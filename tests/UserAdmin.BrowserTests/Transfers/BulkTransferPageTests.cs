using System.Globalization;
using UserAdmin.BrowserTests.Infrastructure;
using UserAdmin.Tests.Infrastructure;
using UserAdmin.Tests.People;
using UserAdmin.Tests.Transfers;

namespace UserAdmin.BrowserTests.Transfers;

public sealed class BulkTransferPageTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact] // R-BLK-1, R-BLK-2, R-BLK-4, R-BLK-6, R-BLK-7
    public async Task Download_edit_upload_preview_run_and_watch_the_progress_to_success()
    {
        var pairs = await BulkAgents.AddAsync(session.App, 300, "page");
        var page = await session.SignedInPageAsync(TestAccounts.Admin);
        await page.GotoAsync("/transfers/bulk");
        await page.ClickAsync("#run-new-bulk");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download"));
        var file = PeopleFile.Parse(await File.ReadAllTextAsync(await download.PathAsync()));
        foreach (var (source, target) in pairs)
        {
            file.Rows.Single(r => r[0] == target.ToString(CultureInfo.InvariantCulture))[1] = source.ToString(CultureInfo.InvariantCulture);
        }

        var edited = Path.Combine(Path.GetTempPath(), $"bulk-{Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(edited, file.ToBytes());
        await page.SetInputFilesAsync("#file", edited);
        await page.ClickAsync("#bulk-upload-form button[type=submit]");
        await page.WaitForSelectorAsync("#pairs-preview");
        await page.SelectOptionAsync("#page-size", "10");
        await page.ClickAsync("#page-size-form button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("pageSize=10", StringComparison.Ordinal));
        Assert.Equal(10, await page.Locator("#pairs-preview tbody tr").CountAsync());
        Assert.Contains("Page 1 of 30", await page.Locator(".pager").InnerTextAsync(), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "bulk-preview");

        await page.ClickAsync("#run-transfer");
        await page.WaitForSelectorAsync("#permanent");
        await page.ClickAsync("#confirm-run");
        await page.WaitForSelectorAsync("#run-status");
        await Screenshots.SaveAsync(page, "bulk-progress");
        await page.WaitForSelectorAsync("#result", new() { Timeout = 120_000 });

        Assert.Equal("Data Transfer Successful", (await page.Locator("#result").InnerTextAsync()).Trim());
        Assert.Equal("300", await page.Locator("#done").InnerTextAsync());
        Assert.Equal("100%", await page.Locator("#percent").InnerTextAsync());
        await Screenshots.SaveAsync(page, "bulk-result");
        File.Delete(edited);
    }
}
