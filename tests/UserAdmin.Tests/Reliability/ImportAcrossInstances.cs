using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.People.Import;
using UserAdmin.Tests.Infrastructure;
using UserAdmin.Tests.People;
using Xunit.Abstractions;

namespace UserAdmin.Tests.Reliability;

/// <summary>
/// R-IMP-10 with two real app processes on one database (ADR-0016): instance A's import job is held at a chosen
/// point by <see cref="ImportHoldControl"/> (no timing), while instance B starts, serves the import's progress,
/// or survives A's kill. An import a live process runs is never failed by another's start-up or sweep; one whose
/// process died is reported failed by the survivor and after a restart, with nothing written, and can be
/// started again. Chunks of 100 rows: the rows written are recorded every 100.
/// </summary>
public abstract class ImportAcrossInstances(DemoDatabaseTemplate template, ITestOutputHelper output)
{
    private const int NewUsers = 1000;
    private static readonly KeyValuePair<string, string>[] Chunks = [new("Import__PlanChunkRows", "100")];

    [Theory] // R-IMP-10, R-IMP-8: B's start-up sweep finds the import held by A's live run and leaves it
    [InlineData("claim", "Queued")]
    [InlineData("writing", "Writing")]
    public Task An_import_running_on_one_instance_is_left_running_by_another_instance_starting_and_imports_once(string point, string state) =>
        SecondInstanceStartsAsync(point, state);

    [Fact] // R-IMP-10: rows written / total move on the page of an instance that is not running the import
    public async Task Rows_written_move_on_the_result_page_served_by_the_instance_that_is_not_running_the_import()
    {
        using var database = template.NewCopy();
        using var hold = new ImportHoldControl();
        using var a = await AppProcess.StartAsync(database, DemoDatabaseTemplate.DemoUsers, [.. Chunks, .. hold.Settings]);
        using var b = await AppProcess.StartAsync(database, DemoDatabaseTemplate.DemoUsers, Chunks);
        using var onA = await a.SignInAsync(TestAccounts.Admin);
        using var onB = await b.SignInAsync(TestAccounts.Admin); // before the import: on SQLite a sign-in's write waits for its commit
        var import = await PreviewNewUsersAsync(new ImportSteps(onA), "moving");

        hold.HoldAt("lookup 4");
        var resultUrl = await SubmitAsync(onA, import.PreviewUrl);
        await hold.ReachedAsync("lookup 4", a);
        var first = await ImportWaiter.StatusAsync(onB, resultUrl);
        var page = await onB.GetDocumentAsync(resultUrl);
        hold.HoldAt("lookup 7");
        await hold.ReachedAsync("lookup 7", a);
        var second = await ImportWaiter.StatusAsync(onB, resultUrl);
        hold.Release();
        var finished = await ImportWaiter.FinishedAsync(onB, resultUrl);

        Assert.Equal(("Writing", 300, NewUsers), Progress(first));
        Assert.Equal("300", page.QuerySelector("#import-status #rows-written")?.TextContent);
        Assert.Equal(("Writing", 600, NewUsers), Progress(second));
        Assert.Equal(("Succeeded", NewUsers, NewUsers), Progress(finished));
        await AssertImportedOnceAsync(database, import);
    }

    [Theory] // R-IMP-10, R-IMP-8, ADR-0008: A dies at the point; B's sweep reports it, nothing is written, the upload is free again
    [InlineData("writing")]
    [InlineData("lookup 4")]
    public Task An_import_whose_instance_is_killed_is_reported_failed_by_the_surviving_instance_and_after_a_restart_and_can_be_started_again(string point) =>
        KilledAsync(point);

    protected async Task SecondInstanceStartsAsync(string point, string state)
    {
        using var database = template.NewCopy();
        using var hold = new ImportHoldControl();
        using var a = await AppProcess.StartAsync(database, DemoDatabaseTemplate.DemoUsers, [.. Chunks, .. hold.Settings]);
        using var onA = await a.SignInAsync(TestAccounts.Admin);
        var import = await PreviewNewUsersAsync(new ImportSteps(onA), "starting");

        hold.HoldAt(point);
        var resultUrl = await SubmitAsync(onA, import.PreviewUrl);
        await hold.ReachedAsync(point, a);
        using var b = await AppProcess.StartAsync(database, DemoDatabaseTemplate.DemoUsers, Chunks); // serves once its start-up sweep is done
        using var onB = await b.SignInAsync(TestAccounts.Admin);
        var meanwhile = await ImportWaiter.StatusAsync(onB, resultUrl);
        hold.Release();
        var finished = await ImportWaiter.FinishedAsync(onB, resultUrl);

        Assert.Equal((state, false), (meanwhile.GetProperty("state").GetString(), meanwhile.GetProperty("finished").GetBoolean()));
        Assert.Equal(("Succeeded", NewUsers, NewUsers), Progress(finished));
        Assert.DoesNotContain(b.Output, l => l.Contains("was interrupted", StringComparison.Ordinal));
        await AssertImportedOnceAsync(database, import);
    }

    protected async Task KilledAsync(string point)
    {
        using var database = template.NewCopy();
        using var hold = new ImportHoldControl();
        string resultUrl;
        NewUsersImport import;
        var a = await AppProcess.StartAsync(database, DemoDatabaseTemplate.DemoUsers, [.. Chunks, .. hold.Settings]);
        using var b = await AppProcess.StartAsync(database, DemoDatabaseTemplate.DemoUsers, Chunks);
        using var onB = await b.SignInAsync(TestAccounts.Admin);
        using (a)
        {
            using var onA = await a.SignInAsync(TestAccounts.Admin);
            import = await PreviewNewUsersAsync(new ImportSteps(onA), "killed");
            hold.HoldAt(point);
            resultUrl = await SubmitAsync(onA, import.PreviewUrl);
            await hold.ReachedAsync(point, a);
            a.Kill();
        }

        var time = Stopwatch.StartNew();
        var reported = await ImportWaiter.FinishedAsync(onB, resultUrl, TimeSpan.FromMinutes(2));
        output.WriteLine($"Instance B reported the dead import after {time.Elapsed.TotalSeconds:0.0} s (sweep every {ImportRecovery.SweepInterval.TotalSeconds:0} s).");
        var page = await onB.GetDocumentAsync(resultUrl);
        var steps = new ImportSteps(onB);
        var exported = await steps.ExportBytesAsync();

        Assert.Equal("Failed", reported.GetProperty("state").GetString());
        Assert.Contains("nothing was written", page.QuerySelector("#import-problem")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#back-to-preview"));
        Assert.Equal(import.ExportBefore, exported);
        Assert.Equal(0, await NewUsersInAsync(database, import.EmailPrefix));

        using (var restarted = await AppProcess.StartAsync(database, DemoDatabaseTemplate.DemoUsers, Chunks))
        {
            using var onRestarted = await restarted.SignInAsync(TestAccounts.Admin);
            Assert.Equal("Failed", (await ImportWaiter.StatusAsync(onRestarted, resultUrl)).GetProperty("state").GetString());
        }

        await steps.PreviewPageAsync(import.PreviewUrl);
        var (again, error) = await steps.ApplyAsync(import.PreviewUrl);
        Assert.Null(error);
        Assert.NotEqual(resultUrl, again);
        Assert.Equal(("Succeeded", NewUsers, NewUsers), Progress(await ImportWaiter.FinishedAsync(onB, again!)));
        Assert.Equal(NewUsers, await NewUsersInAsync(database, import.EmailPrefix));
    }

    /// <summary>Server providers: the job storage keeps a queued import's job when its instance dies; a start-up queues it again.</summary>
    protected async Task QueuedThenKilledAsync()
    {
        using var database = template.NewCopy();
        using var hold = new ImportHoldControl();
        string resultUrl;
        NewUsersImport import;
        using (var a = await AppProcess.StartAsync(database, DemoDatabaseTemplate.DemoUsers, [.. Chunks, .. hold.Settings]))
        {
            using var onA = await a.SignInAsync(TestAccounts.Admin);
            import = await PreviewNewUsersAsync(new ImportSteps(onA), "requeued");
            hold.HoldAt("claim"); // the job holds the import's lock, the import is still queued
            resultUrl = await SubmitAsync(onA, import.PreviewUrl);
            await hold.ReachedAsync("claim", a);
            a.Kill();
        }

        using var restarted = await AppProcess.StartAsync(database, DemoDatabaseTemplate.DemoUsers, Chunks);
        using var client = await restarted.SignInAsync(TestAccounts.Admin);

        Assert.Equal(("Succeeded", NewUsers, NewUsers), Progress(await ImportWaiter.FinishedAsync(client, resultUrl)));
        await AssertImportedOnceAsync(database, import);
    }

    private static (string? State, int Written, int Total) Progress(JsonElement status) =>
        (status.GetProperty("state").GetString(), status.GetProperty("rowsWritten").GetInt32(), status.GetProperty("rowsTotal").GetInt32());

    private static async Task<NewUsersImport> PreviewNewUsersAsync(ImportSteps steps, string name)
    {
        var before = await steps.ExportBytesAsync();
        var file = PeopleFile.Parse(System.Text.Encoding.UTF8.GetString(before)).Only();
        var prefix = $"{name}.{Guid.NewGuid():N}.";
        for (var i = 0; i < NewUsers; i++)
        {
            file.AddRow(("User ID", "0"), ("First Name", "Instance"), ("Last Name", $"Test{i.ToString(CultureInfo.InvariantCulture)}"), ("Email", $"{prefix}{i.ToString(CultureInfo.InvariantCulture)}@example.com"));
        }

        var previewUrl = await steps.PreviewAsync(file.ToBytes());
        await steps.PreviewPageAsync(previewUrl);
        return new NewUsersImport(previewUrl, prefix, before);
    }

    private static async Task<string> SubmitAsync(TestClient client, string previewUrl)
    {
        using var answer = await (await new ImportSteps(client).PrepareApplyAsync(previewUrl)).PostAsync();
        return answer.Headers.Location?.OriginalString ?? throw new InvalidOperationException($"The import was not started: {answer.StatusCode}");
    }

    private static async Task AssertImportedOnceAsync(TestDatabase database, NewUsersImport import)
    {
        Assert.Equal(NewUsers, await NewUsersInAsync(database, import.EmailPrefix));
        await using var db = database.CreateDbContext();
        var uploadId = Guid.Parse(import.PreviewUrl.Split('/')[^2], CultureInfo.InvariantCulture);
        Assert.Equal([ImportState.Succeeded], await db.PeopleImports.Where(i => i.UploadId == uploadId).Select(i => i.State).ToListAsync());
    }

    private static async Task<int> NewUsersInAsync(TestDatabase database, string emailPrefix)
    {
        await using var db = database.CreateDbContext();
        return await db.Users.CountAsync(u => u.Email.StartsWith(emailPrefix));
    }

    private sealed record NewUsersImport(string PreviewUrl, string EmailPrefix, byte[] ExportBefore);
}

/// <summary>
/// <see cref="ImportAcrossInstances"/> on one SQLite file. Not here: a second instance starting while A's import is
/// inside its transaction — its start-up writes wait for SQLite's one write lock until the import commits (ADR-0016).
/// </summary>
[Collection(ReliabilityGroup.Name)]
public sealed class ImportAcrossInstancesTests(DemoDatabaseTemplate template, ITestOutputHelper output) : ImportAcrossInstances(template, output)
{
    [Fact] // R-IMP-10, ADR-0001: a queued import's job lives only in its instance's memory; once that dies, B's sweep reports it
    public Task An_import_queued_on_an_instance_that_is_killed_is_reported_failed_by_the_surviving_instance_and_can_be_started_again() =>
        KilledAsync("claim");
}

/// <summary><see cref="ImportAcrossInstances"/> on PostgreSQL: advisory locks on the runs' own connections.</summary>
[Collection(PostgreSqlReliabilityGroup.Name)]
[Trait(PostgreSqlServer.Trait, PostgreSqlServer.TraitValue)]
public sealed class PostgreSqlImportAcrossInstancesTests(PostgreSqlDemoDatabaseTemplate template, ITestOutputHelper output) : ImportAcrossInstances(template, output)
{
    [Fact] // R-IMP-10, R-IMP-8: B starts while A's import is inside its transaction, rows written: B leaves it, it imports once
    public Task An_import_inside_its_transaction_on_one_instance_is_left_running_by_another_instance_starting_and_imports_once() =>
        SecondInstanceStartsAsync("lookup 4", "Writing");

    [Fact] // R-IMP-10, ADR-0016: a queued import is kept by the server's job storage, not failed; a start-up queues its job again and it imports once
    public Task An_import_still_queued_when_its_instance_is_killed_is_run_once_after_a_restart() =>
        QueuedThenKilledAsync();
}
