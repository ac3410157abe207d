using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Transfers.Runs;
using UserAdmin.Tests.Infrastructure;
using UserAdmin.Tests.Transfers;
using Xunit.Abstractions;

namespace UserAdmin.Tests.Reliability;

/// <summary>
/// R-BLK-6 across a real crash: the app runs as its own process, a bulk is started over HTTP, the
/// process is killed with SIGKILL once a given share of the pairs is done, and a new process on the
/// same database resumes the run at start-up (DESIGN 8). Every pair must end Done exactly once and
/// every user must own exactly the rows the transfer rules give them.
/// </summary>
public abstract class CrashResumeScenarios(DemoDatabaseTemplate template, ITestOutputHelper output)
{
    /// <summary>Kill points in percent of the pairs; scripts/crash-test sets ten of them.</summary>
    public const string KillPointsVariable = "CRASH_KILL_PERCENTS";

    private const int PairCount = 120;
    private const int Attempts = 3;

    public static TheoryData<int> KillPoints()
    {
        var configured = Environment.GetEnvironmentVariable(KillPointsVariable);
        var percents = string.IsNullOrWhiteSpace(configured)
            ? [10, 50, 90]
            : configured.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture));
        return [.. percents];
    }

    [Theory] // R-BLK-6, DESIGN 8
    [MemberData(nameof(KillPoints), MemberType = typeof(CrashResumeScenarios))]
    public async Task A_bulk_killed_mid_run_resumes_after_restart_and_applies_every_pair_exactly_once(int killPercent)
    {
        using var database = template.NewCopy();
        var (runId, expected) = await StartAndKillAsync(database, killAt: Math.Max(1, PairCount * killPercent / 100));

        using (var restarted = await AppProcess.StartAsync(database, DemoDatabaseTemplate.DemoUsers))
        {
            using var admin = await restarted.SignInAsync(TestAccounts.Admin);
            var status = await TransferRunWaiter.FinishedAsync(admin, $"/transfers/bulk/{runId}", TimeSpan.FromSeconds(60));
            Assert.Equal("Succeeded", status.GetProperty("state").GetString());
        }

        var run = await RunAsync(database, runId);
        Assert.Equal((PairCount, PairCount, 0), (run.TotalPairs, run.DonePairs, run.FailedPairs));
        Assert.Null(run.ActiveBulkSlot);
        await using (var db = database.CreateDbContext())
        {
            Assert.All(await db.TransferRunPairs.AsNoTracking().Where(p => p.RunId == runId).ToListAsync(), p => Assert.Equal(TransferPairState.Done, p.State));
        }

        Assert.Empty(await expected.DifferencesAsync(database));
        Assert.Empty(await expected.RecordedDifferencesAsync(database, runId));
    }

    /// <summary>
    /// Starts a bulk over HTTP and kills the app once <paramref name="killAt"/> pairs are done. Should the
    /// run finish between two looks (a busy machine), that bulk proves nothing: the next one moves the
    /// data back and the kill is tried again.
    /// </summary>
    private async Task<(int RunId, ExpectedOwnership Expected)> StartAndKillAsync(TestDatabase database, int killAt)
    {
        using var app = await AppProcess.StartAsync(database, DemoDatabaseTemplate.DemoUsers);
        using var admin = await app.SignInAsync(TestAccounts.Admin);
        var bulk = await BulkPairs.ChooseAsync(database, PairCount);
        for (var attempt = 1; ; attempt++, bulk = bulk.Reversed())
        {
            var expected = await ExpectedOwnership.BeforeAsync(database, bulk);
            var steps = new BulkSteps(admin);
            var (runUrl, error) = await steps.RunAsync(await steps.UploadAsync(bulk.ToFile()));
            var runId = int.Parse((runUrl ?? throw new InvalidOperationException("The bulk was refused: " + error)).Split('/')[^1], CultureInfo.InvariantCulture);
            var seen = await DoneAtLeastAsync(database, runId, killAt);
            if (!seen.IsFinished)
            {
                app.Kill();
                var atKill = await RunAsync(database, runId);
                output.WriteLine($"Killed at {killAt} pairs (attempt {attempt}): {atKill.DonePairs} of {atKill.TotalPairs} done, run {atKill.State}.");
                Assert.False(atKill.IsFinished, "The run finished before the kill landed: this kill point proves nothing.");
                return (runId, expected);
            }

            output.WriteLine($"Attempt {attempt}: the run finished before the kill point was seen.");
            Assert.True(attempt < Attempts, $"{Attempts} bulks finished before the kill point {killAt} was seen.");
        }
    }

    /// <summary>
    /// Reads the run's progress from the database file rather than the status page: on a busy machine an
    /// HTTP round trip to the app can take longer than the last pairs (a 75 % kill landed after all 120).
    /// </summary>
    private static async Task<TransferRun> DoneAtLeastAsync(TestDatabase database, int runId, int pairs)
    {
        await using var db = database.CreateDbContext();
        var time = Stopwatch.StartNew();
        while (true)
        {
            var run = await db.TransferRuns.AsNoTracking().SingleAsync(r => r.Id == runId);
            if (run.DonePairs >= pairs || run.IsFinished)
            {
                return run;
            }

            if (time.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"Run {runId} did not reach {pairs} pairs: {run.DonePairs} done, {run.State}.");
            }

            await Task.Delay(5);
        }
    }

    private static async Task<TransferRun> RunAsync(TestDatabase database, int runId)
    {
        await using var db = database.CreateDbContext();
        return await db.TransferRuns.AsNoTracking().SingleAsync(r => r.Id == runId);
    }
}

/// <summary><see cref="CrashResumeScenarios"/> on a SQLite file.</summary>
[Collection(ReliabilityGroup.Name)]
public sealed class CrashResumeTests(DemoDatabaseTemplate template, ITestOutputHelper output) : CrashResumeScenarios(template, output);

/// <summary><see cref="CrashResumeScenarios"/> on PostgreSQL, with Hangfire on PostgreSQL storage: the restarted process finds the run in both.</summary>
[Collection(PostgreSqlReliabilityGroup.Name)]
[Trait(PostgreSqlServer.Trait, PostgreSqlServer.TraitValue)]
public sealed class PostgreSqlCrashResumeTests(PostgreSqlDemoDatabaseTemplate template, ITestOutputHelper output) : CrashResumeScenarios(template, output);
