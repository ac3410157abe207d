using System.Net;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.People;

/// <summary>R-SEC-8: an import's page, file name and error report belong to its importer and to tenant administrators.</summary>
[Collection(AppTestGroup.Name)]
public sealed class ImportPrivacyTests(ImportPrivacyTests.App app) : IClassFixture<ImportPrivacyTests.App>
{
    public sealed class App : UserAdminAppFactory;

    private static readonly TestAccount[] Importers = [TestAccounts.Admin, TestAccounts.Supervisor, TestAccounts.QmAdministrator, TestAccounts.SecondSupervisor];

    public static TheoryData<int, int> Pairs()
    {
        var pairs = new TheoryData<int, int>();
        for (var importer = 0; importer < Importers.Length; importer++)
        {
            for (var viewer = 0; viewer < Importers.Length; viewer++)
            {
                pairs.Add(importer, viewer);
            }
        }

        return pairs;
    }

    [Theory] // R-SEC-8: every importer × every viewer
    [MemberData(nameof(Pairs))]
    public async Task An_import_is_seen_only_by_its_importer_and_tenant_administrators(int importer, int viewer)
    {
        var fileName = $"private-{importer}-{viewer}-{Guid.NewGuid():N}.csv";
        var importId = await ImportWithAnErrorAsync(Importers[importer], fileName);
        using var client = await app.SignInAsync(Importers[viewer]);
        var allowed = importer == viewer || Importers[viewer] == TestAccounts.Admin;

        using var page = await client.GetAsync($"/people/imports/{importId}");
        using var report = await client.GetAsync($"/people/imports/{importId}/errors");
        var history = await (await client.GetAsync("/people/imports")).Content.ReadAsStringAsync();

        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.NotFound, report.StatusCode);
        Assert.Equal(allowed, history.Contains(fileName, StringComparison.Ordinal));
        Assert.Equal(allowed, (await page.Content.ReadAsStringAsync()).Contains(fileName, StringComparison.Ordinal));
    }

    [Fact] // R-IMP-2: an undefined date format posted by hand is a 400 with a message, not a 500 later
    public async Task An_undefined_date_format_posted_by_hand_is_refused_with_a_message()
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);
        var steps = new ImportSteps(client);
        var mapUrl = await steps.UploadAsync(ImportSteps.Utf8("User ID,First Name,Last Name,Email,Activated\r\n0,Date,Format,date.format@example.com,2026-01-02\r\n"));
        var form = await steps.MapFormAsync(mapUrl);
        form["format.Activated"] = "42";

        using var response = await steps.PostMapAsync(mapUrl, form);
        var page = await TestClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The date format \"42\" chosen for Activated is not one of the offered formats", page.QuerySelector("#problems")!.TextContent, StringComparison.Ordinal);
        form["format.Activated"] = "YearMonthDayDash";
        using var accepted = await steps.PostMapAsync(mapUrl, form);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
    }

    /// <summary>An import by <paramref name="account"/> of one valid new user and one invalid row, so it has an error report.</summary>
    private async Task<int> ImportWithAnErrorAsync(TestAccount account, string fileName)
    {
        using var client = await app.SignInAsync(account);
        var steps = new ImportSteps(client);
        var id = Guid.NewGuid().ToString("N")[..8];
        var team = account == TestAccounts.SecondSupervisor ? "Charlie" : "Alpha"; // inside the importer's view
        var text = "User ID,First Name,Last Name,Email,Team\r\n"
            + $"0,Private,Import,private.{id}@example.com,{team}\r\n"
            + $"0,,Invalid,invalid.{id}@example.com,{team}\r\n";
        var mapUrl = await steps.UploadAsync(ImportSteps.Utf8(text), fileName);
        var form = await steps.MapFormAsync(mapUrl);
        using var mapped = await steps.PostMapAsync(mapUrl, form);
        var previewUrl = mapped.Headers.Location!.OriginalString;
        await steps.PreviewPageAsync(previewUrl);
        var (resultUrl, error) = await steps.ApplyAsync(previewUrl, importValidRowsOnly: true);
        Assert.True(resultUrl is not null, error);
        return int.Parse(resultUrl.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
