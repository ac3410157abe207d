using System.Net;
using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Transfers.Runs;
using UserAdmin.Tests.Infrastructure;
using UserAdmin.Tests.People;
using UserAdmin.Tests.Transfers;
using Xunit.Abstractions;

namespace UserAdmin.Tests.Reliability;

/// <summary>
/// Two app processes on one database, as two instances behind a load balancer (DESIGN 8): each
/// race is two requests sent at the same moment, one to each process, so only the database can
/// decide it. Cookies would work across the two (data-protection keys are in the database), but each
/// process gets its own sign-in as a browser behind a load balancer would.
/// </summary>
public abstract class TwoInstanceRaces(TwoInstanceRaces.Instances app, ITestOutputHelper output)
{
    /// <summary>One database (a copy of the seeded demo), two processes started one after the other.</summary>
    public class Instances(DemoDatabaseTemplate template) : IAsyncLifetime
    {
        public TestDatabase Database { get; } = template.NewCopy();

        public AppProcess First { get; private set; } = null!;

        public AppProcess Second { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            First = await AppProcess.StartAsync(Database, DemoDatabaseTemplate.DemoUsers);
            Second = await AppProcess.StartAsync(Database, DemoDatabaseTemplate.DemoUsers);
        }

        public Task DisposeAsync()
        {
            First?.Dispose();
            Second?.Dispose();
            Database.Dispose();
            return Task.CompletedTask;
        }
    }

    private const int PairsPerBulk = 70;

    [Fact] // R-UNDO-2: the import's claim on its revert is one statement, so two instances submitting a revert at once run one
    public async Task Two_reverts_of_one_import_submitted_at_once_on_two_instances_run_one()
    {
        using var onFirst = await app.First.SignInAsync(TestAccounts.Admin);
        using var onSecond = await app.Second.SignInAsync(TestAccounts.Admin);
        var (first, second) = (new People.Revert.RevertSteps(onFirst), new People.Revert.RevertSteps(onSecond));
        var file = PeopleFile.Parse(await first.Import.ExportAsync());
        var row = file.Rows[^3];
        file[row, "First Name"] = "TwoInstances";
        var importId = await first.ImportAsync(file.Only(file[row, "Email"]));

        var forms = await Task.WhenAll(first.PrepareAsync(importId), second.PrepareAsync(importId));
        var answers = await Task.WhenAll(forms.Select(f => f.PostAsync()));
        var outcomes = new[] { await first.AnswerAsync(answers[0]), await second.AnswerAsync(answers[1]) };
        Array.ForEach(answers, a => a.Dispose());

        Assert.Single(outcomes, o => o.RevertId is not null);
        // The loser meets the winner's claim on the import or on its draft, or finds its own preview replaced by the winner's (one administrator, two windows).
        Assert.Matches("already|no longer current", Assert.Single(outcomes, o => o.RevertId is null).Error);
        await using var db = app.Database.CreateDbContext();
        Assert.Equal(1, await db.PeopleImports.CountAsync(i => i.RevertOfImportId == importId));
    }

    [Fact] // R-BLK-5: the unique index over the active bulk holds across instances
    public async Task Two_bulks_started_at_once_on_two_instances_are_one_accepted_and_one_refused()
    {
        using var onFirst = await app.First.SignInAsync(TestAccounts.Admin);
        using var onSecond = await app.Second.SignInAsync(TestAccounts.Admin);
        var (first, second) = (new BulkSteps(onFirst), new BulkSteps(onSecond));
        // Bulks long enough that the accepted one is still running when the other request is checked.
        var one = await BulkPairs.ChooseAsync(app.Database, PairsPerBulk);
        var other = await BulkPairs.ChooseAsync(app.Database, PairsPerBulk, taken: one.Pairs);
        var runOne = await first.PrepareRunAsync(await first.UploadAsync(one.ToFile()));
        var runOther = await second.PrepareRunAsync(await second.UploadAsync(other.ToFile()));
        var bulksBefore = await BulkCountAsync();

        var answers = await Task.WhenAll(runOne.PostAsync(), runOther.PostAsync());
        var outcomes = new[] { await first.RunAnswerAsync(answers[0]), await second.RunAnswerAsync(answers[1]) };
        Array.ForEach(answers, a => a.Dispose());

        var accepted = Assert.Single(outcomes, o => o.RunUrl is not null);
        var refused = Assert.Single(outcomes, o => o.RunUrl is null);
        Assert.Equal(TransferRunStarter.OneBulkAtATime, refused.Error);
        Assert.Equal(bulksBefore + 1, await BulkCountAsync());
        var status = await TransferRunWaiter.FinishedAsync(onFirst, accepted.RunUrl!, TimeSpan.FromSeconds(60));
        Assert.Equal(("Succeeded", PairsPerBulk), (status.GetProperty("state").GetString(), status.GetProperty("done").GetInt32()));
        output.WriteLine(app.First.ErrorLogLines.Concat(app.Second.ErrorLogLines).Any(l => l.Contains("Database.Command", StringComparison.Ordinal))
            ? "The refused start reached the database: its unique index refused it."
            : "The refused start saw the accepted bulk before inserting its own.");
    }

    [Fact] // R-TRF-5: a user in a transfer started on one instance cannot be put in another started at the same moment on the second
    public async Task Two_overlapping_transfers_started_at_once_on_two_instances_are_one_accepted_and_one_refused()
    {
        using var onFirst = await app.First.SignInAsync(TestAccounts.Admin);
        using var onSecond = await app.Second.SignInAsync(TestAccounts.Admin);
        // Users the two-bulk race does not use, so that neither test meets the other's earlier transfers (R-TRF-6).
        var raced = await BulkPairs.ChooseAsync(app.Database, 2 * PairsPerBulk);
        var bulk = await BulkPairs.ChooseAsync(app.Database, 8, taken: raced.Pairs);
        var outsider = await BulkPairs.ChooseAsync(app.Database, 1, taken: [.. raced.Pairs, .. bulk.Pairs]);
        var shared = bulk.Pairs[^1].SourceUserId; // the bulk's last pair: still pending while the bulk runs
        var first = new BulkSteps(onFirst);
        var runBulk = await first.PrepareRunAsync(await first.UploadAsync(bulk.ToFile()));
        var confirmSingle = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/transfers/single/confirm?source={shared}&target={outsider.Pairs[0].TargetUserId}");
        var runSingle = await onSecond.PrepareFormAsShownAsync(confirmSingle, "#confirm-form");
        // A refused start first (source = target), so that the second instance's first start is not slowed by its cold
        // start path until the bulk has finished the shared pair: the two starts must overlap to race.
        var sharedId = shared.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using (await onSecond.PostFormAsync(confirmSingle, "/transfers/single", new Dictionary<string, string> { ["source"] = sharedId, ["target"] = sharedId, ["confirmationKey"] = Guid.NewGuid().ToString() }))
        {
        }

        int lastRunBefore;
        await using (var db = app.Database.CreateDbContext())
        {
            lastRunBefore = await db.TransferRuns.MaxAsync(r => (int?)r.Id) ?? 0;
        }

        var answers = await Task.WhenAll(runBulk.PostAsync(), runSingle.PostAsync());
        var bulkOutcome = await first.RunAnswerAsync(answers[0]);
        var singleLocation = answers[1].Headers.Location!.OriginalString;
        var singleError = singleLocation.StartsWith("/transfers/single", StringComparison.Ordinal)
            ? (await onSecond.GetDocumentAsync(singleLocation)).QuerySelector("#start-error")?.TextContent.Trim()
            : null;
        Array.ForEach(answers, a => a.Dispose());

        // The loser is refused because the winner holds the shared user (R-TRF-5) or, when the winner's pair had
        // already ended by the time the loser's transaction looked, because the shared source is transferred (R-TRF-6).
        Assert.True(bulkOutcome.RunUrl is null ^ singleError is not null, $"bulk: {bulkOutcome.RunUrl ?? bulkOutcome.Error}; single: {singleLocation} {singleError}");
        Assert.Matches("is the source or target of a transfer that is queued or running|data was already transferred to", bulkOutcome.Error ?? singleError);
        await TransferRunWaiter.FinishedAsync(bulkOutcome.RunUrl is null ? onSecond : onFirst, bulkOutcome.RunUrl ?? singleLocation, TimeSpan.FromSeconds(60));
        await using var after = app.Database.CreateDbContext();
        Assert.Equal(1, await after.TransferRuns.CountAsync(r => r.Id > lastRunBefore));
        Assert.Equal(1, await after.TransferRunPairs.CountAsync(p => p.RunId > lastRunBefore && p.SourceUserId == shared && p.State == TransferPairState.Done));
        Assert.Empty(await after.TransferParticipants.ToListAsync());
        output.WriteLine(bulkOutcome.RunUrl is null ? "The single won; the bulk was refused: " + bulkOutcome.Error : "The bulk won; the single was refused: " + singleError);
    }

    [Fact] // R-IMP-8: an upload is applied once; a double submit on two instances is refused, never a 500
    public async Task The_same_import_applied_twice_at_once_on_two_instances_is_applied_once()
    {
        using var onFirst = await app.First.SignInAsync(TestAccounts.Admin);
        using var onSecond = await app.Second.SignInAsync(TestAccounts.Admin);
        var (first, second) = (new ImportSteps(onFirst), new ImportSteps(onSecond));
        var file = PeopleFile.Parse(await first.ExportAsync()).Only();
        file.AddRow(("User ID", "0"), ("First Name", "Dora"), ("Last Name", "Double"), ("Email", "dora.double@example.com"));
        var previewUrl = await first.PreviewAsync(file.ToBytes());
        var applyOnFirst = await first.PrepareApplyAsync(previewUrl);
        var applyOnSecond = await second.PrepareApplyAsync(previewUrl);
        int importsBefore;
        await using (var db = app.Database.CreateDbContext())
        {
            importsBefore = await db.PeopleImports.CountAsync();
        }

        var answers = await Task.WhenAll(applyOnFirst.PostAsync(), applyOnSecond.PostAsync());
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
        var outcomes = new[] { await first.ApplyAnswerAsync(answers[0]), await second.ApplyAnswerAsync(answers[1]) };
        Array.ForEach(answers, a => a.Dispose());

        var applied = Assert.Single(outcomes, o => o.ResultUrl is not null);
        var refused = Assert.Single(outcomes, o => o.ResultUrl is null);
        Assert.Contains("already been imported", refused.Error, StringComparison.Ordinal);
        output.WriteLine("Refused: " + refused.Error);
        await using var after = app.Database.CreateDbContext();
        Assert.Equal(importsBefore + 1, await after.PeopleImports.CountAsync());
        Assert.Equal(1, await after.Users.CountAsync(u => u.Email == "dora.double@example.com"));
        var importId = int.Parse(applied.ResultUrl!.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(1, (await after.PeopleImports.SingleAsync(i => i.Id == importId)).Created);
    }

    [Fact] // R-IMP-11: the preview is stored in the database; the other instance pages it without planning the file again
    public async Task A_preview_planned_on_one_instance_is_paged_by_the_other_from_the_database()
    {
        using var onFirst = await app.First.SignInAsync(TestAccounts.Admin);
        using var onSecond = await app.Second.SignInAsync(TestAccounts.Admin);
        var (first, second) = (new ImportSteps(onFirst), new ImportSteps(onSecond));
        var file = PeopleFile.Parse(await first.ExportAsync()).Only();
        for (var i = 0; i < 120; i++)
        {
            file.AddRow(("User ID", "0"), ("First Name", "Paged"), ("Last Name", $"Person{i}"), ("Email", i % 40 == 0 ? "not-an-email" : $"paged.person.{i}@example.com"));
        }

        var previewUrl = await first.PreviewAsync(file.ToBytes());
        var onePage = (await first.PreviewPageAsync(previewUrl, "?page=2")).QuerySelector("#changes")!.TextContent;
        var oneErrors = (await first.PreviewPageAsync(previewUrl, "?view=Errors")).QuerySelector("#errors")!.TextContent;

        // Were the file planned again, this would fail it: only the stored preview can answer now.
        var uploadId = Guid.Parse(previewUrl.Split('/')[^2], System.Globalization.CultureInfo.InvariantCulture);
        await using (var db = app.Database.CreateDbContext())
        {
            await db.UploadContents.Where(c => c.UploadId == uploadId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Bytes, new byte[] { 0 }));
        }

        var otherPage = await second.PreviewPageAsync(previewUrl, "?page=2");
        var otherErrors = await second.PreviewPageAsync(previewUrl, "?view=Errors");

        Assert.Equal("117", otherPage.QuerySelector("#count-new")?.TextContent);
        Assert.Equal(onePage, otherPage.QuerySelector("#changes")?.TextContent);
        Assert.Equal(oneErrors, otherErrors.QuerySelector("#errors")?.TextContent);
        Assert.Contains("Person79", onePage, StringComparison.Ordinal);
    }

    [Fact] // DESIGN 8: several instances on one new database; only one may create the administrator and the demo tenant
    public async Task Two_instances_started_together_on_a_new_database_both_serve_and_seed_once()
    {
        const int demoUsers = 40;
        using var database = TestDatabase.NotCreated(app.Database.Provider);

        var starting = new[]
        {
            Task.Run(() => AppProcess.StartAsync(database, demoUsers)),
            Task.Run(() => AppProcess.StartAsync(database, demoUsers)),
        };
        try
        {
            var started = await Task.WhenAll(starting);
            foreach (var instance in started)
            {
                using var admin = await instance.SignInAsync(TestAccounts.Admin);
            }

            await using var db = database.CreateDbContext();
            Assert.Equal(demoUsers + 1, await db.Users.CountAsync());
            Assert.Equal(1, await db.Roles.CountAsync(r => r.IsTenantAdministrator));
            output.WriteLine(started.Any(i => i.Output.Any(l => l.Contains("looking again", StringComparison.Ordinal)))
                ? "The two starts collided; the slower one looked again and found the work done."
                : "The starts did not collide this time.");
        }
        finally
        {
            foreach (var start in starting.Where(s => s.IsCompletedSuccessfully))
            {
                (await start).Dispose();
            }
        }
    }

    private async Task<int> BulkCountAsync()
    {
        await using var db = app.Database.CreateDbContext();
        return await db.TransferRuns.CountAsync(r => r.Kind == TransferKind.Bulk);
    }
}

/// <summary><see cref="TwoInstanceRaces"/> on one SQLite file.</summary>
[Collection(ReliabilityGroup.Name)]
public sealed class TwoInstanceRaceTests(TwoInstanceRaces.Instances app, ITestOutputHelper output)
    : TwoInstanceRaces(app, output), IClassFixture<TwoInstanceRaces.Instances>;

/// <summary><see cref="TwoInstanceRaces"/> on PostgreSQL: row locks and MVCC decide the races instead of SQLite's one writer.</summary>
[Collection(PostgreSqlReliabilityGroup.Name)]
[Trait(PostgreSqlServer.Trait, PostgreSqlServer.TraitValue)]
public sealed class PostgreSqlTwoInstanceRaceTests(PostgreSqlTwoInstanceRaceTests.PostgreSqlInstances app, ITestOutputHelper output)
    : TwoInstanceRaces(app, output), IClassFixture<PostgreSqlTwoInstanceRaceTests.PostgreSqlInstances>
{
    public sealed class PostgreSqlInstances(PostgreSqlDemoDatabaseTemplate template) : Instances(template);
}
