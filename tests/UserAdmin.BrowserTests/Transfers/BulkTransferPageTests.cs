using System.Globalization;
using UserAdmin.BrowserTests.Infrastructure;
using UserAdmin.Tests.Infrastructure;
using UserAdmin.Tests.People;
using UserAdmin.Tests.Transfers;

namespace UserAdmin.BrowserTests.Transfers;

public sealed class BulkTransferPageTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact] // R-BLK-1, R-BLK-2, R-BLK-4, R-BLK-6, R-BLK-7, R-TRF-9, R-TRF-10
    public async Task Download_edit_upload_preview_run_and_watch_the_progress_to_the_result()
    {
        var pairs = await BulkAgents.AddAsync(session.App, 300, "page");
        var failing = pairs[123];
        await using (var db = session.App.CreateDbContext())
        {
            // One pair fails in the database, so that the result page shows its failure list and downloads.
            var trigger = string.Create(CultureInfo.InvariantCulture,
                $"CREATE TRIGGER refuse_browser_pair BEFORE UPDATE ON \"LoginStates\" WHEN OLD.\"UserId\" = {failing.Source} BEGIN SELECT RAISE(ABORT, 'locked'); END;");
            await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(db.Database, trigger);
        }

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
        await Screenshots.SaveAsync(page, "bulk-confirmation");
        await page.DblClickAsync("#confirm-run"); // R-TRF-5: a double-click shows the run that started, not a refusal
        await page.WaitForSelectorAsync("#run-status");
        await Screenshots.SaveAsync(page, "bulk-progress");
        await page.WaitForSelectorAsync("#result", new() { Timeout = 120_000 });

        Assert.StartsWith("Errors occurred during data transfer. The user IDs listed below were not transferred.", (await page.Locator("#result").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        Assert.Contains($"({failing.Source}) → Target ", await page.Locator("#failed-ids").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("299", await page.Locator("#done").InnerTextAsync());
        Assert.Equal("100%", await page.Locator("#percent").InnerTextAsync());
        Assert.Equal("Completed with errors", await page.Locator("#state-text").InnerTextAsync());
        Assert.Equal("Click here to download an audit log of the errors that occurred in the most recent data transfer operation.", await page.Locator("#errors-audit-log").InnerTextAsync());
        Assert.Equal(1, await page.Locator("#failed-pairs").CountAsync());
        await Screenshots.SaveAsync(page, "bulk-result");
        await using (var db = session.App.CreateDbContext())
        {
            await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(db.Database, "DROP TRIGGER refuse_browser_pair;");
            Assert.Equal(1, db.TransferRuns.Count(r => r.Kind == UserAdmin.Core.Transfers.Runs.TransferKind.Bulk));
        }

        File.Delete(edited);
    }
}
