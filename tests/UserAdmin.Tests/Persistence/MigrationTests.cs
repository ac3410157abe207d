using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using UserAdmin.Core.Persistence;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Persistence;

public sealed class MigrationTests
{
    private const string SqlServerConnection = "Server=localhost;Database=UserAdmin;Trusted_Connection=True;TrustServerCertificate=True";

    [Fact]
    public void Sqlite_migrations_build_an_empty_database_with_every_table()
    {
        using var database = new TestDatabase();
        using var db = database.CreateDbContext();

        Assert.Empty(db.Database.GetPendingMigrations());
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null))
        {
            var table = entity.GetTableName()!;
            var count = db.Database.SqlQuery<long>($"SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = {table}").AsEnumerable().Single();
            Assert.True(count == 1, $"Table {table} is missing");
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=pending-check.db")]
    [InlineData(DatabaseProvider.SqlServer, SqlServerConnection)]
    [InlineData(DatabaseProvider.PostgreSql, "Host=localhost;Database=pending-check;Username=postgres")]
    public void The_model_has_no_changes_missing_from_the_migrations(DatabaseProvider provider, string connectionString)
    {
        using var db = new UserAdminDbContext(DatabaseSetup.OptionsFor(provider, connectionString));

        Assert.False(db.Database.HasPendingModelChanges(), $"Run 'dotnet ef migrations add' for {provider}.");
    }

    [Fact]
    public void The_idempotent_SQL_Server_script_parses_without_errors()
    {
        using var db = new UserAdminDbContext(DatabaseSetup.OptionsFor(DatabaseProvider.SqlServer, SqlServerConnection));
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script);
        parser.Parse(reader, out var errors);

        Assert.Contains("CREATE TABLE [Users]", script, StringComparison.Ordinal);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => $"line {e.Line}: {e.Message}")));
    }

    [Fact]
    public void Email_and_login_are_unique_ignoring_case_on_both_providers()
    {
        foreach (var (provider, connection) in new[] { (DatabaseProvider.Sqlite, "Data Source=x.db"), (DatabaseProvider.SqlServer, SqlServerConnection), (DatabaseProvider.PostgreSql, "Host=localhost;Username=postgres") })
        {
            using var db = new UserAdminDbContext(DatabaseSetup.OptionsFor(provider, connection));
            var user = db.Model.FindEntityType(typeof(UserAdmin.Core.Users.User))!;
            var uniqueColumns = user.GetIndexes().Where(i => i.IsUnique).Select(i => string.Join(",", i.Properties.Select(p => p.Name))).ToList();
            Assert.Contains("NormalizedEmail", uniqueColumns);
            Assert.Contains("NormalizedLogin", uniqueColumns);
        }

        using var database = new TestDatabase();
        UniqueIgnoringCase(database);
    }

    /// <summary>Two users whose email, or login, differ only in case: the second is refused by the database.</summary>
    internal static void UniqueIgnoringCase(TestDatabase database)
    {
        using (var db = database.CreateDbContext())
        {
            db.Users.Add(new UserAdmin.Core.Users.User { Email = "Ann@Example.com", FirstName = "Ann", LastName = "Lee", Login = "ALee" });
            db.SaveChanges();
        }

        using (var db = database.CreateDbContext())
        {
            db.Users.Add(new UserAdmin.Core.Users.User { Email = "ann@example.COM", FirstName = "Ann", LastName = "Other" });
            Assert.Throws<DbUpdateException>(() => db.SaveChanges());
        }

        using (var db = database.CreateDbContext())
        {
            db.Users.Add(new UserAdmin.Core.Users.User { Email = "ann2@example.com", FirstName = "Ann", LastName = "Other", Login = "alee" });
            Assert.Throws<DbUpdateException>(() => db.SaveChanges());
        }
    }
}

/// <summary>ADR-0011: the PostgreSQL migrations on a real server, which compares text case-sensitively.</summary>
[Trait(PostgreSqlServer.Trait, PostgreSqlServer.TraitValue)]
public sealed class PostgreSqlMigrationTests(PostgreSqlTestDatabase database) : IClassFixture<PostgreSqlTestDatabase>
{
    [Fact] // DESIGN 1: the PostgreSQL migrations build every table of the model
    public void PostgreSql_migrations_build_an_empty_database_with_every_table()
    {
        using var db = database.CreateDbContext();

        Assert.Empty(db.Database.GetPendingMigrations());
        var tables = db.Database.SqlQuery<string>($"SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public'").ToList();
        Assert.All(db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>(), table => Assert.Contains(table, tables));
    }

    [Fact] // DESIGN 2.1 (Email, Login unique case-insensitive): kept although PostgreSQL compares text exactly
    public void Email_and_login_are_unique_ignoring_case_on_PostgreSQL() => MigrationTests.UniqueIgnoringCase(database);
}
