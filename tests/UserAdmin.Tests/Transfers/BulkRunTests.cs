using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UserAdmin.Core.Transfers.Data;
using UserAdmin.Core.Transfers.Runs;
using UserAdmin.Core.Users;
using UserAdmin.Core.Persistence;
using UserAdmin.Tests.Infrastructure;
using UserAdmin.Tests.People;

namespace UserAdmin.Tests.Transfers;

/// <summary>R-BLK-5..8 with the real Hangfire job: 2,000 pairs, one bulk at a time, failures, audit log and re-running the failed pairs.</summary>
public abstract class BulkRunScenarios(BulkRunScenarios.App app)
{
    /// <summary>Runs wait until the test releases them, so a second bulk always meets the first one still queued.</summary>
    public class App : UserAdminAppFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            Microsoft.AspNetCore.TestHost.WebHostBuilderExtensions.ConfigureTestServices(builder, HeldTransferJobs.Register);
        }

        public void Release() => Services.GetRequiredService<HeldTransferJobs>().Release();
    }

    /// <summary>Adds 2 × <paramref name="pairs"/> agents of team Alpha; returns (source, target) ids, each source owning one login state.</summary>
    private Task<List<(int Source, int Target)>> AddAgentsAsync(int pairs, string tag) => BulkAgents.AddAsync(app, pairs, tag);

    private static byte[] BulkFile(IEnumerable<(int Source, int Target)> pairs) => BulkAgents.File(pairs);

    private async Task WaitUntilNoBulkIsActiveAsync()
    {
        for (var i = 0; i < 600; i++)
        {
            await using var db = app.CreateDbContext();
            if (!await db.TransferRuns.AnyAsync(r => r.ActiveBulkSlot != null))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("A bulk transfer is still active.");
    }

    [Fact] // R-BLK-5, R-BLK-6, R-BLK-7, R-BLK-8: 2,000 pairs run to completion while a second bulk is refused; a failed pair is reported and re-run
    public async Task Two_thousand_pairs_run_with_one_failure_reported_audited_and_rerun()
    {
        await WaitUntilNoBulkIsActiveAsync();
        var pairs = await AddAgentsAsync(2000, "big");
        var failing = pairs[1234];
        await using (var db = app.CreateDbContext())
        {
            // A fault injected in the database for one pair: the move of its source's login states aborts.
            await InjectedFault.RefuseUpdatesAsync(db, "refuse_pair_1234", "LoginStates",
                string.Create(CultureInfo.InvariantCulture, $"OLD.\"UserId\" = {failing.Source}"), "login states of this user are locked");
        }

        using var client = await app.SignInAsync(TestAccounts.Admin);
        var steps = new BulkSteps(client);
        var previewUrl = await steps.UploadAsync(BulkFile(pairs));
        var preview = await steps.PreviewAsync(previewUrl);
        Assert.Contains("2,000 pairs", preview.QuerySelector("p.muted")!.TextContent, StringComparison.Ordinal);

        var (runUrl, error) = await steps.RunAsync(previewUrl);
        Assert.Null(error);
        var secondPreview = await steps.UploadAsync(BulkFile([(pairs[0].Target, pairs[1].Target)]));
        var (secondRun, secondError) = await steps.RunAsync(secondPreview);
        app.Release();
        var status = await TransferRunWaiter.FinishedAsync(client, runUrl!, TimeSpan.FromMinutes(3));
        var result = await client.GetDocumentAsync(runUrl!);

        Assert.Null(secondRun);
        Assert.Contains("You can only perform one bulk user data transfer at a time", secondError, StringComparison.Ordinal);
        Assert.Equal("CompletedWithErrors", status.GetProperty("state").GetString());
        Assert.Equal(2000, status.GetProperty("total").GetInt32());
        Assert.Equal(1999, status.GetProperty("done").GetInt32());
        Assert.Equal(1, status.GetProperty("failed").GetInt32());
        Assert.StartsWith("Errors occurred during data transfer. The user IDs listed below were not transferred.", result.QuerySelector("#result")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains($"From {failing.Source} to {failing.Target}", result.QuerySelector("#failed-ids")!.TextContent, StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(0, await db.LoginStates.CountAsync(l => pairs.Select(p => p.Source).Contains(l.UserId) && l.UserId != failing.Source));
            Assert.Equal(1, await db.LoginStates.CountAsync(l => l.UserId == failing.Source)); // the failed pair changed nothing
        }

        using var audit = await client.GetAsync(result.QuerySelector("#audit-log")!.GetAttribute("href")!);
        var auditLog = PeopleFile.Parse(await audit.Content.ReadAsStringAsync());
        Assert.Equal(["Pair", "From User ID", "To User ID", "Source", "Target", "Data Type", "Rows Moved", "Target Rows Deleted", "Error", "Time"], auditLog.Headers);
        Assert.Contains(auditLog.Rows, r => r[1] == failing.Source.ToString(CultureInfo.InvariantCulture) && r[8].Contains("login states of this user are locked", StringComparison.Ordinal));
        Assert.Equal(1999, auditLog.Rows.Count(r => r[5] == "Login states" && r[6] == "1"));

        await using (var db = app.CreateDbContext())
        {
            await InjectedFault.RemoveAsync(db, "refuse_pair_1234", "LoginStates");
        }

        using var retry = await client.GetAsync(result.QuerySelector("#retry-failed")!.GetAttribute("href")!);
        var retryPreviewUrl = retry.Headers.Location!.OriginalString;
        var retryPreview = await steps.PreviewAsync(retryPreviewUrl);
        Assert.Single(retryPreview.QuerySelectorAll("#pairs-preview tbody tr"));
        var (retryRun, retryError) = await steps.RunAsync(retryPreviewUrl);
        app.Release();
        Assert.Null(retryError);
        var retryStatus = await TransferRunWaiter.FinishedAsync(client, retryRun!);
        Assert.Equal("Succeeded", retryStatus.GetProperty("state").GetString());
        await using var after = app.CreateDbContext();
        Assert.Equal(0, await after.LoginStates.CountAsync(l => l.UserId == failing.Source));
        Assert.Equal(1, await after.LoginStates.CountAsync(l => l.UserId == failing.Target));
        var history = await client.GetDocumentAsync("/transfers");
        Assert.Contains("2,000 pairs (1999 done, 1 failed)", history.QuerySelector("#transfers")!.TextContent, StringComparison.Ordinal);
    }

    [Fact] // R-BLK-6: the status page works after signing out and in again
    public async Task The_run_page_answers_after_signing_out_and_in()
    {
        await WaitUntilNoBulkIsActiveAsync();
        var pairs = await AddAgentsAsync(5, "relog");
        using var client = await app.SignInAsync(TestAccounts.Admin);
        var steps = new BulkSteps(client);
        var (runUrl, _) = await steps.RunAsync(await steps.UploadAsync(BulkFile(pairs)));
        app.Release();
        using (var signOut = await client.PostFormAsync(runUrl!, "/account/logout", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        }

        await client.SignInAsync(TestAccounts.Admin);
        var status = await TransferRunWaiter.FinishedAsync(client, runUrl!);
        var page = await client.GetDocumentAsync(runUrl!);

        Assert.Equal("Succeeded", status.GetProperty("state").GetString());
        Assert.Equal("Data Transfer Successful", page.QuerySelector("#result")!.TextContent.Trim());
    }
}

/// <summary><see cref="BulkRunScenarios"/> on a SQLite file.</summary>
[Collection(AppTestGroup.Name)]
public sealed class BulkRunTests(BulkRunScenarios.App app) : BulkRunScenarios(app), IClassFixture<BulkRunScenarios.App>;

/// <summary><see cref="BulkRunScenarios"/> on PostgreSQL (ADR-0011).</summary>
[Collection(AppTestGroup.Name)]
[Trait(PostgreSqlServer.Trait, PostgreSqlServer.TraitValue)]
public sealed class PostgreSqlBulkRunTests(PostgreSqlBulkRunTests.PostgreSqlApp app) : BulkRunScenarios(app), IClassFixture<PostgreSqlBulkRunTests.PostgreSqlApp>
{
    public sealed class PostgreSqlApp : App, IRunsOnPostgreSql;
}
