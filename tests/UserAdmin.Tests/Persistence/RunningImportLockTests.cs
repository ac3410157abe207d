using Microsoft.SqlServer.TransactSql.ScriptDom;
using UserAdmin.Core.People.Import;
using UserAdmin.Core.Persistence;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Persistence;

/// <summary>
/// ADR-0016, R-IMP-10: the lock of a running import, per provider. Two lock objects stand for two instances: while
/// one holds an import, the other's try fails at once (and another import is free); released, it can be taken again.
/// The release by a dying process is shown with real processes (ImportAcrossInstances); SQL Server cannot run here,
/// so its statements are parsed by ScriptDom.
/// </summary>
public abstract class RunningImportLockScenarios(Func<RunningImportLock> instance)
{
    [Fact] // R-IMP-10: held by one instance, refused to another without waiting, free again once released
    public async Task An_import_held_by_one_instance_is_refused_to_another_at_once_and_free_once_released()
    {
        var (one, other) = (instance(), instance());

        await using (var held = await one.TryTakeAsync(41, CancellationToken.None))
        {
            Assert.NotNull(held);
            var started = DateTime.UtcNow;
            Assert.Null(await other.TryTakeAsync(41, CancellationToken.None));
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5), "Trying a held lock must not wait for it.");
            await using var another = await other.TryTakeAsync(42, CancellationToken.None);
            Assert.NotNull(another);
        }

        await using var again = await other.TryTakeAsync(41, CancellationToken.None);
        Assert.NotNull(again);
    }

    [Fact] // R-IMP-10: a second run of the same import in the same instance is refused too
    public async Task An_import_held_by_a_run_is_refused_to_a_second_run_in_the_same_instance()
    {
        var locks = instance();

        await using var held = await locks.TryTakeAsync(43, CancellationToken.None);

        Assert.NotNull(held);
        Assert.Null(await locks.TryTakeAsync(43, CancellationToken.None));
    }
}

/// <summary><see cref="RunningImportLockScenarios"/> with lock files beside one SQLite file.</summary>
public sealed class SqliteRunningImportLockTests() : RunningImportLockScenarios(() => new SqliteRunningImportLock(Folder))
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), $"useradmin-locks-{Guid.NewGuid():N}.db.imports");

    [Fact] // ADR-0016: the folder is beside the database file, so every instance on the machine finds the same one
    public void The_lock_folder_is_beside_the_database_file()
    {
        var file = Path.Combine(Path.GetTempPath(), "some", "useradmin.db");

        Assert.Equal(file + ".imports", SqliteRunningImportLock.FolderOf($"Data Source={file};Default Timeout=30"));
    }
}

/// <summary><see cref="RunningImportLockScenarios"/> with advisory locks on the PostgreSQL test server.</summary>
[Trait(PostgreSqlServer.Trait, PostgreSqlServer.TraitValue)]
public sealed class PostgreSqlRunningImportLockTests(PostgreSqlTestDatabase database)
    : RunningImportLockScenarios(() => RunningImportLock.For(DatabaseProvider.PostgreSql, database.ConnectionString)), IClassFixture<PostgreSqlTestDatabase>;

/// <summary>ADR-0016: the SQL Server lock's statements, which cannot run here, parse.</summary>
public sealed class SqlServerRunningImportLockTests
{
    [Theory] // ADR-0016, R-IMP-10: sp_getapplock with a session owner and no wait; the rows written recorded outside the import's transaction
    [InlineData(ServerRunningImportLock.SqlServerTake)]
    [InlineData(ServerRunningImportLock.SqlServerRecord)]
    public void The_SQL_Server_lock_statements_parse(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);

        parser.Parse(reader, out var errors);

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => $"line {e.Line}: {e.Message}")));
    }

    [Fact] // ADR-0016: one application lock per import, named so that no other lock of the app can clash with it
    public void Each_import_has_its_own_application_lock() =>
        Assert.Equal(("UserAdmin.PeopleImport.7", "UserAdmin.PeopleImport.70"), (ServerRunningImportLock.SqlServerResource(7), ServerRunningImportLock.SqlServerResource(70)));
}
