using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using NodaTime;
using NodaTime.Testing;
using UserAdmin.Core.People;
using UserAdmin.Core.People.Import;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Tenancy;
using UserAdmin.Core.Transfers;
using UserAdmin.Core.Transfers.Runs;
using UserAdmin.Core.Users;

namespace UserAdmin.Tests.Persistence;

/// <summary>
/// ADR-0011: SQL Server cannot run here, so every statement the app sends it is built by the real code on
/// the SQL Server provider without a connection and parsed by ScriptDom: the fast write path's batches
/// (checked against the 2,100-parameter limit at their largest) and the hot EF queries.
/// </summary>
public sealed class SqlServerStatementTests
{
    private const int SqlServerParameterLimit = 2100;

    private static readonly AdministratorProfile Administrator = new(1, "Ada Admin", (Permissions)int.MaxValue, IsTenantAdministrator: true, FullScope: true, [1], [], []);
    private static readonly AdministratorProfile Supervisor = new(2, "Sam Supervisor", Permissions.TransferUserData, IsTenantAdministrator: false, FullScope: false, [2], [1, 2], [3]);

    public static TheoryData<string> EveryTable()
    {
        using var capture = new SqlServerCapture();
        return [.. Tables(capture.Db).Select(e => e.ClrType.Name)];
    }

    [Theory, MemberData(nameof(EveryTable))] // ADR-0011: the largest multi-row INSERT of each table parses and fits SQL Server's parameter limit
    public void The_largest_fast_insert_of_each_table_parses_within_the_parameter_limit(string entity)
    {
        using var capture = new SqlServerCapture();
        var type = Tables(capture.Db).Single(e => e.ClrType.Name == entity);
        var table = TableShape.Of(capture.Db, type.ClrType);
        var rows = Enumerable.Range(0, SqlServerWrites.RowsPerCommand(table.InsertColumns.Count)).Select(_ => Activator.CreateInstance(type.ClrType)!).ToList();
        using var command = new SqlCommand();

        SqlServerWrites.PrepareInsert(command, table, rows);

        AssertParsesWithinTheLimit(command.CommandText, command.Parameters.Count);
        Assert.True(rows.Count * table.InsertColumns.Count > SqlServerParameterLimit / 2 || rows.Count == 1000, "The batch should fill most of one command.");
    }

    [Fact] // ADR-0011, R-IMP-8: the import's largest update (every column of a user, checked by id and version) and its link deletes
    public void The_largest_fast_update_and_delete_parse_within_the_parameter_limit()
    {
        using var capture = new SqlServerCapture();
        var users = TableShape.Of<User>(capture.Db);
        var everyColumn = users.InsertColumns.Select(c => c.Property.Name).ToList();
        var change = new RowChange(users.Columns(everyColumn), users.Columns([nameof(User.Id), nameof(User.Version)]));
        var perCommand = SqlServerWrites.RowsPerCommand(1 + change.Set.Count + change.Key.Count);
        using var update = new SqlCommand();
        SqlServerWrites.PrepareUpdate(update, users, change, Enumerable.Range(0, perCommand).Select(i => (i, (object)new User(), (object)new User { Id = i })));

        var links = TableShape.Of<UserRole>(capture.Db);
        var key = links.Columns([nameof(UserRole.UserId), nameof(UserRole.RoleId)]);
        using var delete = new SqlCommand();
        SqlServerWrites.PrepareDelete(delete, links, key, Enumerable.Range(0, SqlServerWrites.RowsPerCommand(key.Count)).Select(i => (object)new UserRole { UserId = i, RoleId = 1 }).ToList());

        AssertParsesWithinTheLimit(update.CommandText, update.Parameters.Count);
        AssertParsesWithinTheLimit(delete.CommandText, delete.Parameters.Count);
        Assert.Contains("OUTPUT v.[Position]", update.CommandText, StringComparison.Ordinal);
    }

    [Fact] // R-EXP-1, R-SEC-2: the export's pages, for a tenant administrator and a scoped supervisor
    public async Task The_export_queries_parse()
    {
        using var capture = new SqlServerCapture();
        foreach (var administrator in new[] { Administrator, Supervisor })
        {
            var statements = await capture.RecordAsync(db =>
                new PeopleCsvExport(db, new UserViewScope(db), new PeopleReader(db)).WriteAsync(Stream.Null, administrator, DateFormat.YearMonthDayDash));
            AssertEveryStatementParses(statements, atLeast: 2);
        }
    }

    [Theory] // R-USR-1: the users list with a search, each sort and the status filter
    [InlineData(UserSort.Name, UserStatusFilter.Active, "jenny")]
    [InlineData(UserSort.Email, UserStatusFilter.Inactive, "50%_off\\")]
    [InlineData(UserSort.Team, UserStatusFilter.All, "")]
    [InlineData(UserSort.Id, UserStatusFilter.All, "19")]
    public async Task The_users_list_queries_parse(UserSort sort, UserStatusFilter status, string search)
    {
        using var capture = new SqlServerCapture();
        var clock = new TenantClock(new FakeClock(Instant.FromUtc(2026, 6, 15, 9, 0)), DateTimeZone.Utc);

        var statements = await capture.RecordAsync(db =>
            new UserList(new UserViewScope(db), clock).FindAsync(Supervisor, new UserListQuery(search, status, sort, 1, 50)));

        AssertEveryStatementParses(statements, atLeast: 2);
    }

    [Fact] // R-IMP-2, R-IMP-11: the import's EF look-ups of a chunk's users and passwords by id and by email, in chunks within the parameter limit (the keys' owners are a FastReads statement)
    public async Task The_import_look_ups_parse_within_the_parameter_limit()
    {
        using var capture = new SqlServerCapture();
        var clock = new TenantClock(new FakeClock(Instant.FromUtc(2026, 6, 15, 9, 0)), DateTimeZone.Utc);
        var ids = Enumerable.Range(1, 5000).ToList();
        var emails = ids.ConvertAll(i => $"USER{i}@EXAMPLE.COM");

        var statements = await capture.RecordAsync(async db =>
        {
            var references = await PeopleReferenceData.LoadAsync(db, CancellationToken.None);
            var visible = new UserViewScope(db).VisibleUsers(Supervisor);
            var keys = await PeopleKeys.LoadAsync(db, visible, clock, CancellationToken.None);
            await keys.VisibleAsync(ids, emails, CancellationToken.None);
            await keys.WithPasswordAsync(ids, CancellationToken.None);
            await ExistingPeople.ForChunkAsync(keys, visible, new PeopleReader(db), references, ids, emails, CancellationToken.None);
        });

        AssertEveryStatementParses(statements, atLeast: 16);
        Assert.Contains(statements, s => s.Parameters > 500); // the chunked IN lists are there
    }

    [Fact] // R-TRF-2, DESIGN 2.3: the engine's statements for every catalogue type, and the impact counts
    public async Task The_transfer_engine_statements_for_every_catalogue_type_parse()
    {
        using var capture = new SqlServerCapture();

        var transfer = await capture.RecordAsync(db => new TransferEngine(db).TransferAsync(10, 20));
        var impact = await capture.RecordAsync(db => new TransferEngine(db).ImpactAsync(10, 20));

        AssertEveryStatementParses(transfer, atLeast: TransferCatalogue.All.Count);
        AssertEveryStatementParses(impact, atLeast: 1);
        Assert.All(TransferCatalogue.All, type => Assert.Contains(transfer, s => s.Sql.Contains($"[{capture.Db.Model.FindEntityType(type.EntityType)!.GetTableName()}]", StringComparison.Ordinal)));
    }

    [Fact] // R-BLK-5: the active-bulk check and the insert of the bulk, in one transaction
    public async Task The_active_bulk_check_parses()
    {
        using var capture = new SqlServerCapture();
        var clock = new TenantClock(new FakeClock(Instant.FromUtc(2026, 6, 15, 9, 0)), DateTimeZone.Utc);

        var statements = await capture.RecordAsync(db =>
            new TransferRunStarter(db, new TransferRules(db), new TransferHistory(db), new NoJobs(), clock).StartBulkAsync(Administrator, [new PairToStart(10, "Sam (10)", 20, "Tess (20)")], retryOfRunId: null, Guid.NewGuid()));

        AssertEveryStatementParses(statements, atLeast: 2);
        Assert.Contains(statements, s => s.Sql.Contains("[ActiveBulkSlot] IS NOT NULL", StringComparison.Ordinal));
    }

    private static IEnumerable<IEntityType> Tables(UserAdminDbContext db) =>
        db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.ClrType.IsAbstract && e.ClrType.GetConstructor(Type.EmptyTypes) is not null).OrderBy(e => e.ClrType.Name);

    private static void AssertEveryStatementParses(List<(string Sql, int Parameters)> statements, int atLeast)
    {
        Assert.True(statements.Count >= atLeast, $"Expected at least {atLeast} statements, recorded {statements.Count}:{Environment.NewLine}{string.Join(Environment.NewLine, statements.Select(s => s.Sql))}");
        foreach (var (sql, parameters) in statements)
        {
            AssertParsesWithinTheLimit(sql, parameters);
        }
    }

    private static void AssertParsesWithinTheLimit(string sql, int parameters)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        parser.Parse(reader, out var errors);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => $"line {e.Line}: {e.Message}")) + Environment.NewLine + sql[..Math.Min(sql.Length, 2000)]);
        Assert.True(parameters <= SqlServerParameterLimit, $"{parameters} parameters in one command; SQL Server allows {SqlServerParameterLimit}.");
    }

    /// <summary>The bulk is not handed to Hangfire here: only its statements matter.</summary>
    private sealed class NoJobs : ITransferJobs
    {
        public void Enqueue(int runId)
        {
            // nothing runs the job: the test reads the statements that started it
        }
    }
}
