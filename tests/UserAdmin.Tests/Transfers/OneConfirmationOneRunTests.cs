using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Transfers.Runs;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Transfers;

/// <summary>R-TRF-5 over HTTP with the real Hangfire job: one confirmation submitted several times at once starts one run.</summary>
public abstract class OneConfirmationOneRunScenarios(OneConfirmationOneRunScenarios.App app)
{
    public class App : UserAdminAppFactory;

    [Theory] // R-TRF-5: a double-click (or five) on the single confirmation → one run, and the target owns exactly what was confirmed
    [InlineData(2, 23)]
    [InlineData(5, 40)]
    public async Task Concurrent_submits_of_one_single_confirmation_start_one_run(int submits, int fromId)
    {
        var (source, target) = await DemoPairs.ChooseAsync(app, fromId);
        var expected = await DemoPairs.ExpectedTargetAsync(app, source, target);
        using var client = await app.SignInAsync(TestAccounts.Admin);
        var confirmUrl = string.Create(CultureInfo.InvariantCulture, $"/transfers/single/confirm?source={source}&target={target}");
        var confirm = await client.GetDocumentAsync(confirmUrl);
        var confirmed = confirm.QuerySelectorAll("#impact tbody tr").ToDictionary(r => r.GetAttribute("data-type")!, r => (Moved: int.Parse(r.QuerySelector(".moved")!.TextContent, CultureInfo.InvariantCulture), Deleted: int.Parse(r.QuerySelector(".deleted")!.TextContent, CultureInfo.InvariantCulture)));
        var form = await client.PrepareFormAsShownAsync(confirmUrl, "#confirm-form");

        var answers = await Task.WhenAll(Enumerable.Range(0, submits).Select(_ => form.PostAsync()));
        var locations = answers.Select(a => a.Headers.Location?.OriginalString).ToList();
        Array.ForEach(answers, a => a.Dispose());

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
        var runUrl = Assert.Single(locations.Distinct())!;
        Assert.StartsWith("/transfers/", runUrl, StringComparison.Ordinal);
        var status = await TransferRunWaiter.FinishedAsync(client, runUrl);
        Assert.Equal("Succeeded", status.GetProperty("state").GetString());
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.TransferRunPairs.CountAsync(p => p.SourceUserId == source && p.TargetUserId == target));
        Assert.Equal(expected, await DemoPairs.OwnedAsync(app, target));
        Assert.All(await DemoPairs.OwnedAsync(app, source), o => Assert.Equal(0, o.Value));
        var runId = int.Parse(runUrl.Split('/')[^1], CultureInfo.InvariantCulture);
        var recorded = await db.TransferRunCounts.Where(c => db.TransferRunPairs.Any(p => p.Id == c.PairId && p.RunId == runId)).ToDictionaryAsync(c => c.DataTypeKey, c => (Moved: c.RowsMoved, Deleted: c.TargetRowsDeleted));
        Assert.Equal(confirmed.Where(c => c.Value != (0, 0)).OrderBy(c => c.Key), recorded.OrderBy(c => c.Key));

        // R-TRF-5: the same confirmation submitted again after the run ended still shows that run, and starts nothing.
        using var late = await form.PostAsync();
        Assert.Equal(runUrl, late.Headers.Location?.OriginalString);
        Assert.Equal(1, await db.TransferRunPairs.CountAsync(p => p.SourceUserId == source && p.TargetUserId == target));
    }

    [Theory] // R-TRF-5, R-BLK-5: a double-click (or five) on the bulk Run Transfer shows the run that started, never a refusal
    [InlineData(2)]
    [InlineData(5)]
    public async Task Concurrent_submits_of_one_bulk_confirmation_show_the_one_run_that_started(int submits)
    {
        var pairs = await BulkAgents.AddAsync(app, 4, $"click{submits}");
        using var client = await app.SignInAsync(TestAccounts.Admin);
        var steps = new BulkSteps(client);
        var form = await steps.PrepareRunAsync(await steps.UploadAsync(BulkAgents.File(pairs)));
        int bulksBefore;
        await using (var db = app.CreateDbContext())
        {
            bulksBefore = await db.TransferRuns.CountAsync(r => r.Kind == TransferKind.Bulk);
        }

        var answers = await Task.WhenAll(Enumerable.Range(0, submits).Select(_ => form.PostAsync()));
        var locations = answers.Select(a => a.Headers.Location?.OriginalString).ToList();
        Array.ForEach(answers, a => a.Dispose());

        var runUrl = Assert.Single(locations.Distinct())!;
        Assert.Matches("^/transfers/bulk/[0-9]+$", runUrl);
        var status = await TransferRunWaiter.FinishedAsync(client, runUrl);
        Assert.Equal(("Succeeded", 4), (status.GetProperty("state").GetString(), status.GetProperty("done").GetInt32()));
        await using var after = app.CreateDbContext();
        Assert.Equal(bulksBefore + 1, await after.TransferRuns.CountAsync(r => r.Kind == TransferKind.Bulk));
        var targets = pairs.Select(p => p.Target).ToList();
        Assert.Equal(4, await after.LoginStates.CountAsync(l => targets.Contains(l.UserId)));
    }
}

/// <summary><see cref="OneConfirmationOneRunScenarios"/> on a SQLite file.</summary>
[Collection(AppTestGroup.Name)]
public sealed class OneConfirmationOneRunTests(OneConfirmationOneRunScenarios.App app) : OneConfirmationOneRunScenarios(app), IClassFixture<OneConfirmationOneRunScenarios.App>;

/// <summary><see cref="OneConfirmationOneRunScenarios"/> on PostgreSQL (ADR-0011).</summary>
[Collection(AppTestGroup.Name)]
[Trait(PostgreSqlServer.Trait, PostgreSqlServer.TraitValue)]
public sealed class PostgreSqlOneConfirmationOneRunTests(PostgreSqlOneConfirmationOneRunTests.PostgreSqlApp app) : OneConfirmationOneRunScenarios(app), IClassFixture<PostgreSqlOneConfirmationOneRunTests.PostgreSqlApp>
{
    public sealed class PostgreSqlApp : App, IRunsOnPostgreSql;
}
