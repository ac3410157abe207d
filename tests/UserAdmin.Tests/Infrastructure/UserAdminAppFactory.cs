using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using UserAdmin.Core.Persistence;

namespace UserAdmin.Tests.Infrastructure;

/// <summary>
/// The real app in process, on its own database (a SQLite file, or one on the PostgreSQL test server when
/// a subclass overrides <see cref="Provider"/>), with the demo tenant seeded and known passwords.
/// Its clock is a <see cref="FakeClock"/> so that tests control "today".
/// </summary>
public class UserAdminAppFactory : WebApplicationFactory<Program>
{
    public static readonly Instant StartInstant = Instant.FromUtc(2026, 6, 15, 9, 0);

    private readonly bool _ownsDatabase = true;
    private TestDatabase? _database;

    public UserAdminAppFactory() : this(demoUsers: 60)
    {
    }

    public UserAdminAppFactory(int demoUsers) => DemoUsers = demoUsers;

    /// <summary>A second instance of the app on <paramref name="first"/>'s database, which stays <paramref name="first"/>'s to delete.</summary>
    protected UserAdminAppFactory(UserAdminAppFactory first)
        : this(first?.DemoUsers ?? throw new ArgumentNullException(nameof(first)))
    {
        _database = first.Database;
        _ownsDatabase = false;
    }

    public int DemoUsers { get; }

    public FakeClock Clock { get; } = new(StartInstant);

    /// <summary>The database the app runs on (PostgreSQL for a factory marked <see cref="IRunsOnPostgreSql"/>); the app migrates and seeds it at start-up.</summary>
    public DatabaseProvider Provider => this is IRunsOnPostgreSql ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite;

    public string ConnectionString => Database.ConnectionString;

    private TestDatabase Database => _database ??= TestDatabase.NotCreated(Provider);

    /// <summary>Extra configuration a test class needs (e.g. a smaller import limit).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:UserAdmin", ConnectionString);
        builder.UseSetting("Bootstrap:AdminEmail", TestAccounts.AdminEmail);
        builder.UseSetting("Bootstrap:AdminPassword", TestAccounts.AdminPassword);
        builder.UseSetting("DemoData:Users", DemoUsers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("DemoData:Password", TestAccounts.DemoPassword);

        // Every test client comes from the same address; the rate limit has tests of its own (R-SEC-7).
        builder.UseSetting("SignIn:AttemptsPerMinute", "100000");
        foreach (var (key, value) in ExtraSettings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<IClock>(Clock));
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see each answer.</summary>
    public TestClient CreateTestClient() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public async Task<TestClient> SignInAsync(TestAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var client = CreateTestClient();
        await client.SignInAsync(account);
        return client;
    }

    /// <summary>A DbContext on the app's database, for arranging and asserting.</summary>
    public UserAdminDbContext CreateDbContext()
    {
        _ = Services; // make sure the host started and migrated
        return Database.CreateDbContext();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (_ownsDatabase)
        {
            _database?.Dispose();
        }
    }
}

/// <summary>Marks an app factory whose app runs on its own database on the PostgreSQL test server (ADR-0011).</summary>
#pragma warning disable CA1040 // a marker: the subclass of a test class's factory that runs it on PostgreSQL
public interface IRunsOnPostgreSql;
#pragma warning restore CA1040
