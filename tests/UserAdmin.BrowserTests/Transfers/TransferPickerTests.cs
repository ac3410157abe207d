using Microsoft.Playwright;
using UserAdmin.BrowserTests.Infrastructure;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.BrowserTests.Transfers;

/// <summary>R-UX-3 and the keyboard half of R-UX-2: the single transfer's pickers, with and without JavaScript.</summary>
public sealed class TransferPickerTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact] // R-UX-3
    public async Task Typing_in_a_picker_lists_matching_users_without_a_page_load_and_disables_tenant_administrators()
    {
        var page = await session.SignedInPageAsync(TestAccounts.Admin);
        await page.GotoAsync("/transfers/single");
        var url = page.Url;

        Assert.False(await page.Locator("#search-button").IsVisibleAsync()); // the script searches; the button is for pages without it
        await page.Locator("#target-search").PressSequentiallyAsync("admin@user");
        await Expect(page.Locator("#target option"), 1);
        var admin = page.Locator("#target option").First;
        Assert.True(await admin.IsDisabledAsync());
        Assert.EndsWith("Tenant administrator: tenant administrators' data cannot be transferred.", await admin.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("1 matching user.", await page.Locator("#target-status").InnerTextAsync());

        await page.Locator("#source-search").PressSequentiallyAsync("Andrews");
        await Expect(page.Locator("#source option"), 1);
        StringAssert(await page.Locator("#source option").InnerTextAsync(), "Jenny Andrews (");
        await Screenshots.SaveAsync(page, "transfer-type-ahead");
        Assert.Equal(url, page.Url); // no page load
    }

    [Fact] // R-UX-2, R-UX-3, DESIGN 6.1: the whole single transfer with the keyboard only
    public async Task A_single_transfer_runs_from_the_keyboard_alone()
    {
        var page = await session.SignedInPageAsync(TestAccounts.Admin);
        await page.GotoAsync("/transfers/single");

        await TabToAsync(page, "target-search");
        await page.Keyboard.TypeAsync("Rodgers");
        await Expect(page.Locator("#target option"), 1);
        await page.Keyboard.PressAsync("ArrowDown"); // from the search into the list
        await page.Keyboard.PressAsync("ArrowDown"); // chooses the first match
        await TabToAsync(page, "source-search");
        await page.Keyboard.TypeAsync("James Anderson");
        await Expect(page.Locator("#source option"), 1);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("ArrowDown");
        await TabToAsync(page, "show-impact");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#impact");
        Assert.Equal("James Anderson (20) → Sam Rodgers (22)", await page.Locator("h2", new() { HasText = "→" }).InnerTextAsync());

        await TabToAsync(page, "run-transfer");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#permanent");
        await TabToAsync(page, "confirm-run");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#result", new() { Timeout = 60_000 });

        Assert.Equal("Data Transfer Successful", (await page.Locator("#result").InnerTextAsync()).Trim());
        await Screenshots.SaveAsync(page, "transfer-by-keyboard");
    }

    [Fact] // R-UX-3: the plain form still picks a pair when JavaScript is off
    public async Task Without_JavaScript_the_search_button_refreshes_the_lists_and_the_pair_is_checked()
    {
        var page = await session.SignedInPageAsync(TestAccounts.Admin, javaScriptEnabled: false);
        await page.GotoAsync("/transfers/single");

        await page.FillAsync("#target-search", "Andrews");
        await page.FillAsync("#source-search", "John Smith");
        await page.ClickAsync("#search-button");
        await page.WaitForURLAsync(url => url.Contains("targetSearch=Andrews", StringComparison.Ordinal));
        await page.SelectOptionAsync("#target", "21");
        await page.SelectOptionAsync("#source", "19");
        await page.ClickAsync("#show-impact");
        await page.WaitForSelectorAsync("#impact");

        Assert.Equal("John Smith (19) → Jenny Andrews (21)", await page.Locator("h2", new() { HasText = "→" }).InnerTextAsync());
        await Screenshots.SaveAsync(page, "transfer-pick-without-javascript");
    }

    [Fact] // R-UX-3: from the user's page straight to the picker with the user as the source
    public async Task The_user_page_starts_a_transfer_of_this_users_data()
    {
        var page = await session.SignedInPageAsync(TestAccounts.Admin);
        await page.GotoAsync("/users/19");

        await page.ClickAsync("#transfer-this-user");
        await page.WaitForSelectorAsync("#pick-form");

        Assert.EndsWith("/transfers/single?source=19", page.Url, StringComparison.Ordinal);

        Assert.Equal("19", await page.Locator("#source").InputValueAsync());
    }

    private static async Task TabToAsync(IPage page, string id)
    {
        for (var presses = 0; presses < 60; presses++)
        {
            if (await page.EvaluateAsync<string>("() => document.activeElement ? document.activeElement.id : ''") == id)
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"#{id} cannot be reached with the Tab key.");
    }

    private static async Task Expect(ILocator options, int count)
    {
        for (var attempt = 0; attempt < 150 && await options.CountAsync() != count; attempt++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(count, await options.CountAsync());
    }

    private static void StringAssert(string actual, string start) => Assert.StartsWith(start, actual, StringComparison.Ordinal);
}
