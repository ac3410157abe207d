using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UserAdmin.Core.Transfers.Bulk;
using UserAdmin.Tests.Infrastructure;
using UserAdmin.Tests.People;

namespace UserAdmin.Tests.Transfers;

/// <summary>
/// R-TRF-9, R-BLK-2: the seed's example row (From 21, To 19) reads John Smith (19) → Jenny Andrews (21) on every
/// page and in every download, and its failed pair comes back as a file that uploads again unchanged.
/// </summary>
[Collection(AppTestGroup.Name)]
public sealed class DirectionTests(DirectionTests.App app) : IClassFixture<DirectionTests.App>
{
    /// <summary>Runs wait until the test releases them, so Jenny can become a tenant administrator while the bulk is queued.</summary>
    public sealed class App : HeldTransfersApp;

    private const int JohnSmith = 19;
    private const int JennyAndrews = 21;
    private const string SeedPair = "John Smith (19) → Jenny Andrews (21)";
    private const string SeedErrorsLink = "Click here to download an audit log of the errors that occurred in the most recent data transfer operation.";

    [Fact] // R-TRF-9, R-BLK-2, R-BLK-7, R-BLK-0: preview, run page, failure list, history, both audit logs and the failed-pairs file
    public async Task The_seed_example_reads_source_John_target_Jenny_everywhere_and_its_failed_pair_uploads_again()
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);
        var steps = new BulkSteps(client);
        var file = await steps.DownloadAsync();
        BulkSteps.MoveData(file, source: JohnSmith, target: JennyAndrews);
        var previewUrl = await steps.UploadAsync(BulkSteps.File(file));
        var preview = await steps.PreviewAsync(previewUrl);
        Assert.Equal(SeedPair, Assert.Single(preview.QuerySelectorAll("#pairs-preview td.pair")).TextContent);

        var (runUrl, error) = await steps.RunAsync(previewUrl);
        Assert.Null(error);
        var role = await SetTenantAdministratorAsync(JennyAndrews, true); // the rules checked at run time refuse the pair
        app.Release();
        await TransferRunWaiter.FinishedAsync(client, runUrl!);
        var runPage = await client.GetDocumentAsync(runUrl!);
        var history = await client.GetDocumentAsync("/transfers");

        Assert.Contains($"Source John Smith (19) → Target Jenny Andrews (21): Jenny Andrews (21) is a tenant administrator", runPage.QuerySelector("#failed-ids")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(SeedPair, runPage.QuerySelector("#pairs")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Completed with errors", runPage.QuerySelector("#state-text")!.TextContent);
        Assert.DoesNotContain("CompletedWithErrors", runPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(SeedErrorsLink, runPage.QuerySelector("#errors-audit-log")!.TextContent);
        Assert.Contains(SeedPair, history.QuerySelector("#transfers")!.TextContent, StringComparison.Ordinal);

        var audit = await DownloadAsync(client, runPage.QuerySelector("#audit-log")!.GetAttribute("href")!);
        var errors = await DownloadAsync(client, runPage.QuerySelector("#errors-audit-log")!.GetAttribute("href")!);
        Assert.Equal(["Pair", "Source User ID", "Source", "Target User ID", "Target", "Data Type", "Rows Moved", "Target Rows Deleted", "Error", "Time"], audit.Headers);
        Assert.Equal(audit.Headers, errors.Headers);
        foreach (var row in audit.Rows.Concat(errors.Rows))
        {
            Assert.Equal(["19", "John Smith (19)", "21", "Jenny Andrews (21)"], row.Skip(1).Take(4));
        }

        Assert.Contains("is a tenant administrator", Assert.Single(errors.Rows)[8], StringComparison.Ordinal);

        // R-TRF-9: the failed pairs in the upload's own format: Jenny's row, John's id in To User ID.
        using var failedPairs = await client.GetAsync(runPage.QuerySelector("#failed-pairs")!.GetAttribute("href")!);
        var bytes = await failedPairs.Content.ReadAsByteArrayAsync();
        var failed = PeopleFile.Parse(Encoding.UTF8.GetString(bytes));
        Assert.Equal(BulkTransferExport.Headers, failed.Headers);
        var jenny = Assert.Single(failed.Rows);
        Assert.Equal(["21", "19", "Jenny", "Andrews"], jenny.Take(4));

        await SetTenantAdministratorAsync(JennyAndrews, false, role);
        var again = await steps.PreviewAsync(await steps.UploadAsync(bytes));
        var pair = Assert.Single(again.QuerySelectorAll("#pairs-preview tbody tr"));
        Assert.Equal(SeedPair, pair.QuerySelector("td.pair")!.TextContent);
        Assert.Equal("", pair.QuerySelector(".errors")!.TextContent.Trim());
        Assert.Null(again.QuerySelector("#run-transfer[disabled]"));
    }

    private static async Task<PeopleFile> DownloadAsync(TestClient client, string url)
    {
        using var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return PeopleFile.Parse(await response.Content.ReadAsStringAsync());
    }

    private async Task<int> SetTenantAdministratorAsync(int userId, bool grant, int? roleId = null)
    {
        await using var db = app.CreateDbContext();
        var user = await db.Users.Include(u => u.Roles).SingleAsync(u => u.Id == userId);
        var role = roleId is { } id ? await db.Roles.SingleAsync(r => r.Id == id) : await db.Roles.FirstAsync(r => r.IsTenantAdministrator);
        if (grant)
        {
            user.Roles.Add(role);
        }
        else
        {
            user.Roles.Remove(role);
        }

        await db.SaveChangesAsync();
        return role.Id;
    }
}
