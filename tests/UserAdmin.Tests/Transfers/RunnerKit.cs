using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Tenancy;
using UserAdmin.Core.Transfers;
using UserAdmin.Core.Transfers.Runs;
using UserAdmin.Core.Users;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Transfers;

/// <summary>Starters and runners on a test database, without HTTP or Hangfire: jobs are recorded, not run.</summary>
internal sealed class RunnerKit(TestDatabase database)
{
    public static readonly TenantClock Clock = new(new FakeClock(Instant.FromUtc(2026, 6, 15, 9, 0)), DateTimeZone.Utc);

    public sealed class RecordedJobs : ITransferJobs
    {
        public List<int> Enqueued { get; } = [];

        public void Enqueue(int runId) => Enqueued.Add(runId);
    }

    public UserAdminDbContext CreateDbContext(params IInterceptor[] interceptors)
    {
        var options = new DbContextOptionsBuilder<UserAdminDbContext>();
        options.UseUserAdminDatabase(DatabaseProvider.Sqlite, database.ConnectionString);
        options.AddInterceptors(interceptors);
        return new UserAdminDbContext(options.Options);
    }

    public static TransferRunStarter Starter(UserAdminDbContext db) => new(db, new TransferRules(db), new TransferHistory(db), new RecordedJobs(), Clock);

    public static TransferRunner Runner(UserAdminDbContext db, ILogger<TransferRunner>? logger = null) =>
        new(db, new TransferEngine(db), new TransferRules(db), new AdministratorProfiles(db, Clock), Clock, logger ?? NullLogger<TransferRunner>.Instance);

    /// <summary>A tenant administrator (who may transfer anyone's data) with a fresh role of its own.</summary>
    public async Task<AdministratorProfile> AdministratorAsync()
    {
        await using var db = database.CreateDbContext();
        var admin = TransferScenario.NewUser("Ada", "Admin");
        admin.PasswordHash = "not used";
        admin.Roles.Add(new Role { Name = $"Kit Admin {Guid.NewGuid():N}", IsTenantAdministrator = true, Permissions = Permissions.All });
        db.Users.Add(admin);
        await db.SaveChangesAsync();
        return (await new AdministratorProfiles(db, Clock).LoadAsync(admin.Id))!;
    }

    /// <summary>Makes <paramref name="userId"/> a tenant administrator (a role that is one).</summary>
    public async Task MakeTenantAdministratorAsync(int userId)
    {
        await using var db = database.CreateDbContext();
        var user = await db.Users.Include(u => u.Roles).SingleAsync(u => u.Id == userId);
        user.Roles.Add(new Role { Name = $"Promoted {Guid.NewGuid():N}", IsTenantAdministrator = true });
        await db.SaveChangesAsync();
    }

    public static async Task<int> StartBulkAsync(UserAdminDbContext db, AdministratorProfile administrator, IEnumerable<TransferScenario> scenarios)
    {
        await db.TransferRuns.Where(r => r.ActiveBulkSlot != null).ExecuteUpdateAsync(s => s.SetProperty(r => r.ActiveBulkSlot, (int?)null));
        var outcome = await Starter(db).StartBulkAsync(administrator, scenarios.Select(s => new PairToStart(s.Source, "source", s.Target, "target")).ToList(), null, Guid.NewGuid());
        return outcome.RunId ?? throw new InvalidOperationException("The bulk was refused: " + outcome.Message);
    }
}

/// <summary>Keeps what the runner logs, to prove failures reach the log with their ids (R-TRF-10).</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    public List<(LogLevel Level, string Message, Exception? Exception, IReadOnlyDictionary<string, object?> State)> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? pairs.ToDictionary(p => p.Key, p => p.Value) : [];
        lock (Entries)
        {
            Entries.Add((logLevel, formatter(state, exception), exception, values));
        }
    }
}
