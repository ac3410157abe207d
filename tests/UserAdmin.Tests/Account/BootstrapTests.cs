using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using UserAdmin.Core.Tenancy;
using UserAdmin.Core.Users;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Account;

public sealed class BootstrapTests
{
    [Fact] // R-SEC-4
    public async Task Without_a_configured_password_one_is_generated_and_works()
    {
        using var database = new TestDatabase();
        await using var db = database.CreateDbContext();
        var hasher = new PasswordHasher<User>();

        var outcome = await Bootstrap(db, hasher).EnsureAdministratorAsync(new BootstrapOptions("root@example.com", null));

        Assert.Equal(BootstrapAction.Created, outcome.Action);
        Assert.NotNull(outcome.GeneratedPassword);
        Assert.True(outcome.GeneratedPassword.Length >= 16);
        var admin = await db.Users.Include(u => u.Roles).SingleAsync();
        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(admin, admin.PasswordHash!, outcome.GeneratedPassword));
        Assert.True(admin.Roles.Single().IsTenantAdministrator);
    }

    [Fact] // R-SEC-4
    public async Task A_second_start_creates_nothing_and_prints_no_password()
    {
        using var database = new TestDatabase();
        await using var db = database.CreateDbContext();
        var bootstrap = Bootstrap(db, new PasswordHasher<User>());
        await bootstrap.EnsureAdministratorAsync(new BootstrapOptions("root@example.com", "configured-password"));

        var second = await bootstrap.EnsureAdministratorAsync(new BootstrapOptions("root@example.com", null));

        Assert.Equal(BootstrapAction.None, second.Action);
        Assert.Null(second.GeneratedPassword);
        Assert.Equal(1, await db.Users.CountAsync());
    }

    [Fact] // R-SEC-6: deactivated, or without a password, a tenant administrator cannot sign in and does not count
    public async Task A_start_without_an_active_tenant_administrator_recovers_the_configured_one_and_logs_it()
    {
        using var database = new TestDatabase();
        await using var db = database.CreateDbContext();
        var hasher = new PasswordHasher<User>();
        var clock = new NodaTime.Testing.FakeClock(NodaTime.Instant.FromUtc(2026, 6, 15, 9, 0));
        await Bootstrap(db, hasher, clock).EnsureAdministratorAsync(new BootstrapOptions("root@example.com", "first-password"));
        var role = await db.Roles.SingleAsync(r => r.IsTenantAdministrator);
        db.Users.Add(new User { Email = "no.password@example.com", FirstName = "No", LastName = "Password", Roles = [role] });
        var root = await db.Users.SingleAsync(u => u.Email == "root@example.com");
        root.Deactivated = new NodaTime.LocalDate(2026, 6, 1);
        await db.SaveChangesAsync();
        var logs = new Security.LogRecorder();
        using var loggers = Microsoft.Extensions.Logging.LoggerFactory.Create(logging => logging.AddProvider(logs));

        var outcome = await new AdministratorBootstrap(db, hasher, new TenantClock(clock, NodaTime.DateTimeZone.Utc), loggers.CreateLogger<AdministratorBootstrap>())
            .EnsureAdministratorAsync(new BootstrapOptions("root@example.com", null));

        Assert.Equal(BootstrapAction.Recovered, outcome.Action);
        db.ChangeTracker.Clear();
        var recovered = await db.Users.Include(u => u.Roles).SingleAsync(u => u.Email == "root@example.com");
        Assert.Null(recovered.Deactivated);
        Assert.Contains(recovered.Roles, r => r.IsTenantAdministrator);
        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(recovered, recovered.PasswordHash!, outcome.GeneratedPassword!));
        Assert.Contains(logs.Entries, e => e.Contains("was reactivated as tenant administrator", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.Contains(outcome.GeneratedPassword!, StringComparison.Ordinal));
    }

    internal static AdministratorBootstrap Bootstrap(UserAdmin.Core.Persistence.UserAdminDbContext db, IPasswordHasher<User> hasher, NodaTime.IClock? clock = null) =>
        new(db, hasher, new TenantClock(clock ?? NodaTime.SystemClock.Instance, NodaTime.DateTimeZone.Utc), Microsoft.Extensions.Logging.Abstractions.NullLogger<AdministratorBootstrap>.Instance);
}
