using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
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

    internal static AdministratorBootstrap Bootstrap(UserAdmin.Core.Persistence.UserAdminDbContext db, IPasswordHasher<User> hasher, NodaTime.IClock? clock = null) =>
        new(db, hasher, new TenantClock(clock ?? NodaTime.SystemClock.Instance, NodaTime.DateTimeZone.Utc), Microsoft.Extensions.Logging.Abstractions.NullLogger<AdministratorBootstrap>.Instance);
}
