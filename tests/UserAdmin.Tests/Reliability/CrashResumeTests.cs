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
/// same SQLite file resumes the run at start-up (DESIGN 8). Every pair must end Done exactly once and
/// every user must own exactly the rows the transfer rules give them.
/// </summary>
public sealed class CrashResumeTests(ITestOutputHelper output)
{
    /// <summary>Kill points in percent of the pairs; scripts/crash-test sets ten of them.</summary>
    public const string KillPointsVariable = "CRASH_KILL_PERCENTS";

    private const int DemoUsers = 300;
    private const int PairCount = 120;

    public static TheoryData<int> KillPoints()
    {
        var configured = Environment.GetEnvironmentVariable(KillPointsVariable);
        var percents = string.IsNullOrWhiteSpace(configured)
            ? [10, 50, 90]
            : configured.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture));
        return [.. percents];
    }

    [Theory] // R-BLK-6, DESIGN 8
    [MemberData(nameof(KillPoints))]
    public async Task A_bulk_killed_mid_run_resumes_after_restart_and_applies_every_pair_exactly_once(int killPercent)
    {
        using var database = TestDatabase.NotCreated();
        string runUrl;
        BulkPairs bulk;
        ExpectedOwnership expected;
        using (var first = await AppProcess.StartAsync(database.ConnectionString, DemoUsers))
        {
            bulk = await BulkPairs.ChooseAsync(database, PairCount);
            expected = await ExpectedOwnership.BeforeAsync(database, bulk);
            using var admin = await first.SignInAsync(TestAccounts.Admin);
            var steps = new BulkSteps(admin);
            var (started, error) = await steps.RunAsync(await steps.UploadAsync(bulk.ToFile()));
            runUrl = started ?? throw new InvalidOperationException("The bulk was refused: " + error);

            var killAt = Math.Max(1, PairCount * killPercent / 100);
            await TransferRunWaiter.DoneAtLeastAsync(admin, runUrl, killAt, TimeSpan.FromSeconds(60));
            first.Kill();
        }

        var runId = int.Parse(runUrl.Split('/')[^1], CultureInfo.InvariantCulture);
        var atKill = await RunAsync(database, runId);
        output.WriteLine($"Killed at {killPercent} %: {atKill.DonePairs} of {atKill.TotalPairs} pairs done, run {atKill.State}.");
        Assert.False(atKill.IsFinished, $"The run finished before the kill ({atKill.DonePairs} done): this kill point proves nothing.");
        Assert.InRange(atKill.DonePairs, 1, PairCount - 1);

        using (var second = await AppProcess.StartAsync(database.ConnectionString, DemoUsers))
        {
            using var admin = await second.SignInAsync(TestAccounts.Admin);
            var status = await TransferRunWaiter.FinishedAsync(admin, runUrl, TimeSpan.FromSeconds(60));
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

    private static async Task<TransferRun> RunAsync(TestDatabase database, int runId)
    {
        await using var db = database.CreateDbContext();
        return await db.TransferRuns.AsNoTracking().SingleAsync(r => r.Id == runId);
    }
}
