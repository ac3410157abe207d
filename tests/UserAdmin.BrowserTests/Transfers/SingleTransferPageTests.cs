using UserAdmin.BrowserTests.Infrastructure;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.BrowserTests.Transfers;

public sealed class SingleTransferPageTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact] // DESIGN 6.1, R-TRF-4, R-TRF-5, R-TRF-6, R-TRF-7, R-TRF-9
    public async Task Pick_users_see_the_impact_confirm_and_watch_the_transfer_finish()
    {
        var page = await session.SignedInPageAsync(TestAccounts.Admin);
        await page.GotoAsync("/transfers/single");
        await page.FillAsync("#target-search", "Andrews");
        await page.FillAsync("#source-search", "John Smith");
        await page.WaitForSelectorAsync("#target option[value='21']", new() { State = Microsoft.Playwright.WaitForSelectorState.Attached });
        await page.WaitForSelectorAsync("#source option[value='19']", new() { State = Microsoft.Playwright.WaitForSelectorState.Attached });
        await page.SelectOptionAsync("#target", "21");
        await page.SelectOptionAsync("#source", "19");
        await page.ClickAsync("#show-impact");
        await page.WaitForSelectorAsync("#impact");
        Assert.Equal("John Smith (19) → Jenny Andrews (21)", await page.Locator("h2", new() { HasText = "→" }).InnerTextAsync());

        await page.ClickAsync("#run-transfer");
        await page.WaitForSelectorAsync("#permanent");
        Assert.Equal("Source John Smith (19) → Target Jenny Andrews (21)", await page.Locator("h2").First.InnerTextAsync());
        await Screenshots.SaveAsync(page, "transfer-confirmation");
        await page.DblClickAsync("#confirm-run"); // R-TRF-5: a double-click starts one run and shows it
        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/transfers/[0-9]+$"));
        await page.WaitForSelectorAsync("#result", new() { Timeout = 60_000 });

        Assert.Equal("Data Transfer Successful", (await page.Locator("#result").InnerTextAsync()).Trim());
        Assert.Equal("1", await page.Locator("#done").InnerTextAsync());
        Assert.Equal("Succeeded", await page.Locator("#state-text").InnerTextAsync());
        await Screenshots.SaveAsync(page, "transfer-result");
        await using (var db = session.App.CreateDbContext())
        {
            Assert.Equal(1, db.TransferRunPairs.Count(p => p.SourceUserId == 19 && p.TargetUserId == 21));
        }

        // R-TRF-6, R-TRF-7: John's data is gone; moving "it" again to Sam would only delete Sam's overwritten rows.
        await page.GotoAsync("/transfers/single/confirm?source=19&target=22");
        await page.WaitForSelectorAsync("#already-transferred");
        Assert.Contains("John Smith (19)'s data was already transferred to Jenny Andrews (21)", await page.Locator("#already-transferred").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("are deleted and nothing replaces them.", await page.Locator("#destroyed").InnerTextAsync(), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "transfer-confirmation-already-transferred");
        await page.ClickAsync("#confirm-run"); // the acknowledgement is required: the browser does not submit
        Assert.EndsWith("/transfers/single/confirm?source=19&target=22", page.Url, StringComparison.Ordinal);
    }
}
