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

    [Fact] // R-TRF-5, R-API-2: a script's retry with the same Idempotency-Key, one after the other or both at once, answers with the one transfer started
    public async Task A_start_repeated_with_the_same_idempotency_key_starts_one_transfer_and_answers_with_it()
    {
        using var api = await ApiClient.ForAsync(app, TestAccounts.Admin);
        var pairs = await BulkAgents.AddAsync(app, 2, "retry");
        var file = BulkAgents.File(pairs);
        var runs = await RunCountAsync();

        var atOnce = await Task.WhenAll(api.PostFileAsync(Bulk, file, "nightly-2026-12-02"), api.PostFileAsync(Bulk, file, "nightly-2026-12-02"));
        var answers = new List<System.Text.Json.JsonElement>();
        foreach (var answer in atOnce)
        {
            answers.Add(await ApiClient.ReadAsync(answer, HttpStatusCode.Accepted));
            answer.Dispose();
        }

        using (var later = await api.PostFileAsync(Bulk, file, "nightly-2026-12-02"))
        {
            answers.Add(await ApiClient.ReadAsync(later, HttpStatusCode.Accepted));
        }

        var runsAfter = await RunCountAsync();
        app.Release();
        await api.FinishedTransferAsync(answers[0].GetProperty("status").GetString()!);

        Assert.Equal(runs + 1, runsAfter);
        Assert.Single(answers.Select(a => a.GetProperty("id").GetInt32()).Distinct());
    }

    [Fact] // R-TRF-5: the same key text sent by another owner is another owner's key; a malformed key is refused in words
    public async Task An_idempotency_key_belongs_to_its_owner_and_a_malformed_one_is_refused()
    {
        using var admin = await ApiClient.ForAsync(app, TestAccounts.Admin);
        using var other = await ApiClient.ForAsync(app, TestAccounts.Supervisor);
        var mine = await BulkAgents.AddAsync(app, 1, "keymine");
        var theirs = await BulkAgents.AddAsync(app, 1, "keytheirs");
        using var first = await admin.PostFileAsync(Bulk, BulkAgents.File(mine), "same-text");
        var firstRun = (await ApiClient.ReadAsync(first, HttpStatusCode.Accepted)).GetProperty("id").GetInt32();
        app.Release();
        await admin.FinishedTransferAsync($"/api/v1/transfers/{firstRun}");

        using var second = await other.PostFileAsync(Bulk, BulkAgents.File(theirs), "same-text");
        var secondRun = (await ApiClient.ReadAsync(second, HttpStatusCode.Accepted)).GetProperty("id").GetInt32();
        app.Release();
        await other.FinishedTransferAsync($"/api/v1/transfers/{secondRun}");
        using var tooLong = await admin.PostFileAsync(Bulk, BulkAgents.File(theirs), new string('k', 201));
        var problem = await ApiClient.ReadAsync(tooLong, HttpStatusCode.BadRequest);

        Assert.NotEqual(firstRun, secondRun);
        Assert.Contains("must be 1 to 200 characters", ApiClient.Detail(problem), StringComparison.Ordinal);
    }

    [Fact] // R-TRF-6, R-API-2: a pair whose source was already transferred is an error unless includeAlreadyTransferred is sent
    public async Task An_already_transferred_source_is_an_error_unless_the_script_includes_it()
    {
        using var api = await ApiClient.ForAsync(app, TestAccounts.Admin);
        var pairs = await BulkAgents.AddAsync(app, 2, "apiagain");
        using (var first = await api.PostFileAsync(Bulk, BulkAgents.File([pairs[0]])))
        {
            var statusUrl = (await ApiClient.ReadAsync(first, HttpStatusCode.Accepted)).GetProperty("status").GetString()!;
            app.Release();
            await api.FinishedTransferAsync(statusUrl);
        }

        var again = BulkAgents.File([(pairs[0].Source, pairs[1].Target)]);
        using var refused = await api.PostFileAsync(Bulk, again);
        var refusal = await ApiClient.ReadAsync(refused, HttpStatusCode.UnprocessableEntity);
        using var dryRun = await api.PostFileAsync(Bulk, again, ("dryRun", "true"), ("includeAlreadyTransferred", "true"));
        var included = await ApiClient.ReadAsync(dryRun, HttpStatusCode.OK);
        using var start = await api.PostFileAsync(Bulk, again, ("includeAlreadyTransferred", "true"));
        var started = await ApiClient.ReadAsync(start, HttpStatusCode.Accepted);
        app.Release();
        var finished = await api.FinishedTransferAsync(started.GetProperty("status").GetString()!);

        Assert.Contains("1 errors", ApiClient.Detail(refusal), StringComparison.Ordinal);
        var error = Assert.Single(refusal.GetProperty("errors").EnumerateArray());
        Assert.Equal((2, "To User ID", pairs[0].Source.ToString(System.Globalization.CultureInfo.InvariantCulture)), (error.GetProperty("line").GetInt32(), error.GetProperty("column").GetString(), error.GetProperty("value").GetString()));
        Assert.Contains("data was already transferred to", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(included.GetProperty("canRun").GetBoolean());
        Assert.Empty(included.GetProperty("pairs")[0].GetProperty("errors").EnumerateArray());
        Assert.Equal("Succeeded", finished.GetProperty("state").GetString());
    }

    private async Task<int> RunCountAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.TransferRuns.CountAsync();
    }
}
