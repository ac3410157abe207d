using UserAdmin.BrowserTests.Infrastructure;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.BrowserTests.Transfers;

public sealed class SingleTransferPageTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact] // DESIGN 6.1, R-TRF-4
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
        await Screenshots.SaveAsync(page, "transfer-confirmation");
        await page.ClickAsync("#confirm-run");
        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/transfers/[0-9]+$"));
        await page.WaitForSelectorAsync("#result", new() { Timeout = 60_000 });

        Assert.Equal("Data Transfer Successful", (await page.Locator("#result").InnerTextAsync()).Trim());
        Assert.Equal("1", await page.Locator("#done").InnerTextAsync());
        await Screenshots.SaveAsync(page, "transfer-result");
    }
}
