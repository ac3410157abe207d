using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Reliability;

/// <summary>The tests that run the app as separate processes; they share one seeded demo database to copy from.</summary>
[CollectionDefinition(Name)]
public sealed class ReliabilityGroup : ICollectionFixture<DemoDatabaseTemplate>
{
    public const string Name = "Reliability";
}

/// <summary>
/// A database migrated and seeded by the app itself (DESIGN 8) with <see cref="DemoUsers"/> demo users,
/// made once; each test works on its own copy, so that only the first start pays for the seed.
/// </summary>
public sealed class DemoDatabaseTemplate : IAsyncLifetime
{
    public const int DemoUsers = 300;

    private readonly TestDatabase _template = TestDatabase.NotCreated();

    public TestDatabase NewCopy() => TestDatabase.CopyOf(_template);

    public async Task InitializeAsync()
    {
        // Killed only once it serves: migrations are over, so no row is left in __EFMigrationsLock.
        using var app = await AppProcess.StartAsync(_template.ConnectionString, DemoUsers);
        app.Kill();
    }

    public Task DisposeAsync()
    {
        _template.Dispose();
        return Task.CompletedTask;
    }
}
