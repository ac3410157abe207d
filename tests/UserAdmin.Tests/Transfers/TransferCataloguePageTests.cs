using UserAdmin.Core.Transfers;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Transfers;

/// <summary>R-TRF-1, R-BLK-0, R-BLK-1: the transfer pages show the catalogue in code and use the seed's words.</summary>
[Collection(AppTestGroup.Name)]
public sealed class TransferCataloguePageTests(TransferCataloguePageTests.App app) : IClassFixture<TransferCataloguePageTests.App>
{
    public sealed class App : UserAdminAppFactory;

    public static TheoryData<string> TransferPages => ["/transfers", "/transfers/single", "/transfers/bulk"];

    [Theory, MemberData(nameof(TransferPages))] // R-TRF-1: the transfer pages show the catalogue, by module and mode, every type once
    public async Task The_catalogue_on_the_page_equals_the_catalogue_in_code(string path)
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);

        var page = await client.GetDocumentAsync(path);

        var shown = page.QuerySelectorAll("#catalogue .catalogue-group").SelectMany(group => group.QuerySelectorAll("li").Select(li =>
            (Key: li.GetAttribute("data-key"), Text: li.TextContent.Trim(), Module: group.GetAttribute("data-module"), Mode: group.GetAttribute("data-mode"))))
            .ToList();
        var expected = TransferCatalogue.All
            .OrderBy(t => t.Module).ThenBy(t => t.Mode)
            .Select(t => (Key: (string?)t.Key, Text: t.UniqueKey is null ? t.Name : $"{t.Name} ({t.UniqueKey})", Module: (string?)t.ModuleName, Mode: (string?)(t.Mode == TransferMode.Combine ? "Combined" : "Overwritten")))
            .ToList();
        Assert.Equal(expected, shown);
        Assert.Equal(TransferCatalogue.All.Count, shown.Select(s => s.Key).Distinct().Count());
    }

    [Theory, MemberData(nameof(TransferPages))] // R-BLK-0: the seed's limitation, the two choices, and one line per mode
    public async Task Every_transfer_page_says_what_it_transfers_and_offers_single_and_bulk(string path)
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);

        var page = await client.GetDocumentAsync(path);

        Assert.Contains("This page only transfers user data for Quality Management and Classic WFM.", page.QuerySelector("#catalogue-scope")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Single (Transfer data from one user to another)", page.QuerySelector("#choose-single")!.TextContent.Trim());
        Assert.Equal("Bulk (Perform multiple data transfers at one time via a CSV upload)", page.QuerySelector("#choose-bulk")!.TextContent.Trim());
        var meanings = page.QuerySelectorAll("#catalogue .catalogue-group").Select(g => (g.GetAttribute("data-mode"), g.QuerySelector("p")!.TextContent.Trim())).Distinct().ToList();
        Assert.Equal(2, meanings.Count);
        Assert.Contains(meanings, m => m.Item1 == "Combined" && m.Item2.Contains("the target keeps its own rows", StringComparison.Ordinal));
        Assert.Contains(meanings, m => m.Item1 == "Overwritten" && m.Item2.Contains("deleted first", StringComparison.Ordinal));
    }

    [Fact] // R-BLK-0: the bulk side starts with "Run a new bulk data transfer", then the download, then the upload
    public async Task The_bulk_page_follows_the_seeds_steps_in_its_words()
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);

        var page = await client.GetDocumentAsync("/transfers/bulk");

        var steps = page.QuerySelectorAll("#run-new-bulk, #download, #upload").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(["Run a new bulk data transfer", "Click here to download an export of all users.", "Upload User Data Transfer File"], steps);
        Assert.Equal("/transfers/bulk/download", page.QuerySelector("#download")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("#bulk-upload-form #upload[type=submit]"));
    }

    [Fact] // R-BLK-1: the download is a CSV named people.csv
    public async Task The_export_of_all_users_downloads_as_people_csv()
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);

        using var response = await client.GetAsync("/transfers/bulk/download");

        response.EnsureSuccessStatusCode();
        Assert.Equal("people.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
    }
}
