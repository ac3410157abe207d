using UserAdmin.Core.Persistence;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Reliability;

/// <summary>The tests that run the app as separate processes; they share one seeded demo database to copy from.</summary>
[CollectionDefinition(Name)]
public sealed class ReliabilityGroup : ICollectionFixture<DemoDatabaseTemplate>
{
    public const string Name = "Reliability";
}

/// <summary>The same, on the PostgreSQL test server (ADR-0011).</summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlReliabilityGroup : ICollectionFixture<PostgreSqlDemoDatabaseTemplate>
{
    public const string Name = "Reliability on PostgreSQL";
}

/// <summary>
/// A database migrated and seeded by the app itself (DESIGN 8) with <see cref="DemoUsers"/> demo users,
/// made once; each test works on its own copy, so that only the first start pays for the seed.
/// </summary>
public class DemoDatabaseTemplate : IAsyncLifetime
{
    public const int DemoUsers = 300;

    private readonly TestDatabase _template;

    public DemoDatabaseTemplate()
        : this(DatabaseProvider.Sqlite)
    {
    }

    protected DemoDatabaseTemplate(DatabaseProvider provider) => _template = TestDatabase.NotCreated(provider);

    public TestDatabase NewCopy() => TestDatabase.CopyOf(_template);

    public async Task InitializeAsync()
    {
        // Killed only once it serves: migrations are over, so no row is left in __EFMigrationsLock.
        using var app = await AppProcess.StartAsync(_template, DemoUsers);
        app.Kill();
    }

    public Task DisposeAsync()
    {
        _template.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>The seeded demo database on the PostgreSQL test server; copies are databases made from it as a template.</summary>
public sealed class PostgreSqlDemoDatabaseTemplate() : DemoDatabaseTemplate(DatabaseProvider.PostgreSql);
