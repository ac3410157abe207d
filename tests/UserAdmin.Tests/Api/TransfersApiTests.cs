using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UserAdmin.Tests.Infrastructure;
using UserAdmin.Tests.People;
using UserAdmin.Tests.Transfers;

namespace UserAdmin.Tests.Api;

/// <summary>R-API-2: bulk transfers through the API, with the bulk pages' rules (R-BLK-3, R-BLK-5, R-BLK-6).</summary>
[Collection(AppTestGroup.Name)]
public sealed class TransfersApiTests(TransfersApiTests.App app) : IClassFixture<TransfersApiTests.App>
{
    /// <summary>Runs wait until the test releases them, so that "a bulk is queued" holds on a slow machine.</summary>
    public sealed class App : UserAdminAppFactory
    {
        // Polling a run's status must not meet the per-token limit on a slow machine.
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Api:RequestsPerMinute", "100000")];

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(HeldTransferJobs.Register);
        }

        public void Release() => Services.GetRequiredService<HeldTransferJobs>().Release();
    }

    private const string Bulk = "/api/v1/transfers/bulk";

    [Fact] // R-API-2, R-BLK-3, R-BLK-4: a dry run checks every pair and starts nothing
    public async Task A_dry_run_lists_every_pair_with_its_errors_and_starts_nothing()
    {
        using var api = await ApiClient.ForAsync(app, TestAccounts.Admin);
        var pairs = await BulkAgents.AddAsync(app, 2, "dry");
        var file = ImportSteps.Utf8($"From User ID,To User ID\r\n{pairs[0].Target},{pairs[0].Source}\r\n{pairs[1].Target},{pairs[1].Target}\r\n");
        var runs = await RunCountAsync();

        using var response = await api.PostFileAsync(Bulk, file, ("dryRun", "true"));
        var plan = await ApiClient.ReadAsync(response, HttpStatusCode.OK);

        Assert.False(plan.GetProperty("canRun").GetBoolean());
        Assert.Equal((2, 1), (plan.GetProperty("pairCount").GetInt32(), plan.GetProperty("errorCount").GetInt32()));
        var first = plan.GetProperty("pairs")[0]; // errors first (R-BLK-4)
        Assert.Equal(3, first.GetProperty("line").GetInt32());
        Assert.NotEmpty(first.GetProperty("errors").EnumerateArray());
        Assert.Equal(1, plan.GetProperty("pairs")[1].GetProperty("rowsMoved").GetInt32());
        Assert.Equal(runs, await RunCountAsync());
    }

    [Fact] // R-API-2, R-BLK-3: a file with errors is refused with 422 and its row errors
    public async Task A_bulk_file_with_errors_is_refused_with_422_and_the_errors_on_their_lines()
    {
        using var api = await ApiClient.ForAsync(app, TestAccounts.Admin);
        var file = ImportSteps.Utf8("From User ID,To User ID\r\n30,abc\r\n");
        var runs = await RunCountAsync();

        using var response = await api.PostFileAsync(Bulk, file);
        var problem = await ApiClient.ReadAsync(response, HttpStatusCode.UnprocessableEntity);

        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal(2, error.GetProperty("line").GetInt32());
        Assert.Equal(runs, await RunCountAsync());
    }

    [Fact] // R-API-2, R-BLK-5, R-BLK-6, R-BLK-7: 202 with the id, 409 while it runs, then its status and audit log
    public async Task A_started_bulk_answers_202_refuses_a_second_with_409_and_reports_its_status_and_audit_log()
    {
        using var api = await ApiClient.ForAsync(app, TestAccounts.Admin);
        var pairs = await BulkAgents.AddAsync(app, 2, "run");
        var others = await BulkAgents.AddAsync(app, 1, "second");

        using var response = await api.PostFileAsync(Bulk, BulkAgents.File(pairs));
        var started = await ApiClient.ReadAsync(response, HttpStatusCode.Accepted);
        var statusUrl = started.GetProperty("status").GetString()!;
        var queued = await api.JsonAsync(statusUrl);
        using var second = await api.PostFileAsync(Bulk, BulkAgents.File(others));
        var conflict = await ApiClient.ReadAsync(second, HttpStatusCode.Conflict);
        app.Release();
        var finished = await api.FinishedTransferAsync(statusUrl);

        Assert.Equal(statusUrl, response.Headers.Location!.OriginalString);
        Assert.Equal("Queued", queued.GetProperty("state").GetString());
        Assert.Contains("one bulk user data transfer at a time", ApiClient.Detail(conflict), StringComparison.Ordinal);
        Assert.Equal("Succeeded", finished.GetProperty("state").GetString());
        Assert.Equal((2, 2, 0), (finished.GetProperty("total").GetInt32(), finished.GetProperty("done").GetInt32(), finished.GetProperty("failed").GetInt32()));
        var entries = finished.GetProperty("auditLog").EnumerateArray().ToList();
        Assert.Equal(pairs.Select(p => p.Source), entries.Select(e => e.GetProperty("sourceUserId").GetInt32()));
        Assert.All(entries, e =>
        {
            Assert.Equal("Done", e.GetProperty("state").GetString());
            Assert.Contains(e.GetProperty("dataTypes").EnumerateArray(), t => t.GetProperty("dataType").GetString() == "Login states" && t.GetProperty("rowsMoved").GetInt32() == 1);
        });
    }

    [Fact] // R-API-2, R-SEC-2: another administrator's run is not shown to someone who does not see everyone
    public async Task A_transfer_the_owner_may_not_see_is_not_found()
    {
        using var admin = await ApiClient.ForAsync(app, TestAccounts.Admin);
        using var supervisor = await ApiClient.ForAsync(app, TestAccounts.Supervisor);
        var pairs = await BulkAgents.AddAsync(app, 1, "hidden");
        using var response = await admin.PostFileAsync(Bulk, BulkAgents.File(pairs));
        var statusUrl = (await ApiClient.ReadAsync(response, HttpStatusCode.Accepted)).GetProperty("status").GetString()!;
        app.Release();
        await admin.FinishedTransferAsync(statusUrl);

        var problem = await supervisor.JsonAsync(statusUrl, HttpStatusCode.NotFound);

        Assert.Contains("not one you may see", ApiClient.Detail(problem), StringComparison.Ordinal);
    }

    private async Task<int> RunCountAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.TransferRuns.CountAsync();
    }
}
