using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UserAdmin.Core.People.Import;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.People.Import;

/// <summary>
/// R-IMP-10, ADR-0016: Hangfire delivers a job at least once, also after the process running it died. A copy of the
/// import's job decides by the import's lock and state alone: held by a live run, it does nothing; free while the
/// import is unfinished, the run before it died, so it ends the import as interrupted and frees its upload rather
/// than running it again unseen (ADR-0008). The sweep decides the same way.
/// </summary>
public abstract class ImportRedeliveryScenarios(ImportRedeliveryScenarios.App app)
{
    public class App : UserAdminAppFactory;

    [Theory] // R-IMP-10, ADR-0008: the re-delivered job ends it, nothing is run again, the upload can be imported again
    [InlineData(ImportState.Checking)]
    [InlineData(ImportState.Writing)]
    public async Task A_copy_of_the_job_finding_its_import_unfinished_and_not_held_ends_it_as_interrupted_and_frees_its_upload(ImportState left)
    {
        var (importId, uploadId) = await ImportedAsync("redelivered");
        await LeaveAsync(importId, left);

        await using var scope = app.Services.CreateAsyncScope();
        var state = await scope.ServiceProvider.GetRequiredService<ImportApplier>().RunAsync(importId);

        await using var db = app.CreateDbContext();
        var import = await db.PeopleImports.AsNoTracking().SingleAsync(i => i.Id == importId);
        Assert.Equal((ImportState.Failed, ImportState.Failed, ImportApplier.Interrupted), (state, import.State, import.Message));
        Assert.Null(await db.ImportDrafts.Where(d => d.UploadId == uploadId).Select(d => d.ImportId).SingleAsync());
    }

    [Fact] // R-IMP-10: a second copy of the job while the run holds the lock does nothing, and neither does the sweep
    public async Task A_copy_of_the_job_and_the_sweep_leave_an_import_whose_lock_a_live_run_holds()
    {
        var (importId, uploadId) = await ImportedAsync("held");
        var locks = app.Services.GetRequiredService<RunningImportLock>();
        ImportState state;
        int swept;
        await using (var lease = await locks.TryTakeAsync(importId, CancellationToken.None))
        {
            Assert.NotNull(lease);
            await LeaveAsync(importId, ImportState.Writing); // held first: the app's own periodic sweep must not end it either
            await using var scope = app.Services.CreateAsyncScope();
            state = await scope.ServiceProvider.GetRequiredService<ImportApplier>().RunAsync(importId);
            swept = await scope.ServiceProvider.GetRequiredService<ImportRecovery>().FailInterruptedAsync();
        }

        await using var db = app.CreateDbContext();
        Assert.Equal((ImportState.Writing, 0), (state, swept));
        Assert.Equal(ImportState.Writing, await db.PeopleImports.Where(i => i.Id == importId).Select(i => i.State).SingleAsync());
        Assert.Equal(importId, await db.ImportDrafts.Where(d => d.UploadId == uploadId).Select(d => d.ImportId).SingleAsync());

        // Once the run is gone, the sweep ends it (this one, or the app's own).
        await using (var after = app.Services.CreateAsyncScope())
        {
            await after.ServiceProvider.GetRequiredService<ImportRecovery>().FailInterruptedAsync();
        }

        Assert.Equal(ImportState.Failed, await db.PeopleImports.Where(i => i.Id == importId).Select(i => i.State).SingleAsync());
    }

    /// <summary>A real import of one new user; its upload stays claimed by it.</summary>
    private async Task<(int ImportId, Guid UploadId)> ImportedAsync(string name)
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);
        var steps = new ImportSteps(client);
        var file = PeopleFile.Parse(await steps.ExportAsync()).Only();
        file.AddRow(("User ID", "0"), ("First Name", "Again"), ("Last Name", name), ("Email", $"{name}.{Guid.NewGuid():N}@example.com"));
        var previewUrl = await steps.PreviewAsync(file.ToBytes());
        await steps.PreviewPageAsync(previewUrl);
        var (resultUrl, error) = await steps.ApplyAsync(previewUrl);
        Assert.Null(error);
        await ImportWaiter.FinishedAsync(client, resultUrl!);
        var importId = int.Parse(resultUrl!.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        await using var db = app.CreateDbContext();
        return (importId, await db.PeopleImports.Where(i => i.Id == importId).Select(i => i.UploadId!.Value).SingleAsync());
    }

    /// <summary>Puts the import back to <paramref name="left"/>, as a run that died there leaves it.</summary>
    private async Task LeaveAsync(int importId, ImportState left)
    {
        await using var db = app.CreateDbContext();
        await db.PeopleImports.Where(i => i.Id == importId).ExecuteUpdateAsync(s => s.SetProperty(i => i.State, left));
    }
}

/// <summary><see cref="ImportRedeliveryScenarios"/> on a SQLite file: the lock is a file beside it.</summary>
[Collection(AppTestGroup.Name)]
public sealed class ImportRedeliveryTests(ImportRedeliveryScenarios.App app) : ImportRedeliveryScenarios(app), IClassFixture<ImportRedeliveryScenarios.App>;

/// <summary><see cref="ImportRedeliveryScenarios"/> on PostgreSQL: the lock is an advisory lock.</summary>
[Collection(AppTestGroup.Name)]
[Trait(PostgreSqlServer.Trait, PostgreSqlServer.TraitValue)]
public sealed class PostgreSqlImportRedeliveryTests(PostgreSqlImportRedeliveryTests.PostgreSqlApp app) : ImportRedeliveryScenarios(app), IClassFixture<PostgreSqlImportRedeliveryTests.PostgreSqlApp>
{
    public sealed class PostgreSqlApp : App, IRunsOnPostgreSql;
}
