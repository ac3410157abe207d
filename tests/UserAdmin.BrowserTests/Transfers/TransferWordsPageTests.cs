using Microsoft.Playwright;
using UserAdmin.BrowserTests.Infrastructure;
using UserAdmin.Core.Transfers;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.BrowserTests.Transfers;

/// <summary>R-BLK-0, R-BLK-1, R-TRF-1: what an administrator sees and clicks, in the seed's words.</summary>
public sealed class TransferWordsPageTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact] // R-BLK-0: Single or Bulk, then Run a new bulk data transfer, the download link and the upload; R-BLK-1: people.csv
    public async Task The_transfer_pages_offer_single_and_bulk_and_walk_the_bulk_steps_in_the_seeds_words()
    {
        var page = await session.SignedInPageAsync(TestAccounts.Admin);
        await page.GotoAsync("/transfers");
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "Single (Transfer data from one user to another)", Exact = true }).IsVisibleAsync());
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "Bulk (Perform multiple data transfers at one time via a CSV upload)", Exact = true }).IsVisibleAsync());
        await Screenshots.SaveAsync(page, "transfer-choices");

        await page.GetByRole(AriaRole.Link, new() { Name = "Bulk (Perform multiple data transfers at one time via a CSV upload)", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/transfers/bulk", StringComparison.Ordinal));
        var download = page.GetByRole(AriaRole.Link, new() { Name = "Click here to download an export of all users.", Exact = true });
        Assert.False(await download.IsVisibleAsync());
        await page.GetByText("Run a new bulk data transfer", new() { Exact = true }).ClickAsync();
        Assert.True(await download.IsVisibleAsync());
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "Upload User Data Transfer File", Exact = true }).IsVisibleAsync());
        await Screenshots.SaveAsync(page, "bulk-steps");

        var file = await page.RunAndWaitForDownloadAsync(() => download.ClickAsync());
        Assert.Equal("people.csv", file.SuggestedFilename);
    }

    [Fact] // R-TRF-1, R-BLK-0: the catalogue by module and mode, with the seed's limitation
    public async Task The_bulk_page_lists_every_catalogue_type_under_its_module_and_mode()
    {
        var page = await session.SignedInPageAsync(TestAccounts.Admin);
        await page.GotoAsync("/transfers/bulk");

        Assert.Contains("This page only transfers user data for Quality Management and Classic WFM.", await page.Locator("#catalogue-scope").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(["QM — Combined", "Classic WFM — Combined", "Classic WFM — Overwritten"], await page.Locator("#catalogue h3").AllInnerTextsAsync());
        Assert.Equal(TransferCatalogue.All.Count, await page.Locator("#catalogue li:visible").CountAsync());
        await page.Locator("#catalogue").ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(page, "transfer-catalogue");
    }
}
