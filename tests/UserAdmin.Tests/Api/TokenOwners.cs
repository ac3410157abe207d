using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Users;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Api;

/// <summary>Administrators made for one test, so that taking a role away or deactivating them touches no other test.</summary>
public static class TokenOwners
{
    public static async Task<(TestAccount Account, int UserId)> AddAsync(UserAdminAppFactory app, string tag, string roleName, bool fullScope = true, params string[] scopeTeams)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var db = app.CreateDbContext();
        var user = new User
        {
            FirstName = "Token",
            LastName = "Owner " + tag,
            Email = $"token.owner.{tag}@example.com".ToLowerInvariant(),
            FullScope = fullScope,
        };
        user.PasswordHash = new PasswordHasher<User>().HashPassword(user, TestAccounts.DemoPassword);
        user.Roles.Add(await db.Roles.SingleAsync(r => r.Name == roleName));
        user.ScopeTeams.AddRange(await db.Teams.Where(t => scopeTeams.Contains(t.Name)).ToListAsync());
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return (new TestAccount(user.Email, TestAccounts.DemoPassword), user.Id);
    }

    public static async Task SetRolesAsync(UserAdminAppFactory app, int userId, params string[] roleNames)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var db = app.CreateDbContext();
        var user = await db.Users.Include(u => u.Roles).SingleAsync(u => u.Id == userId);
        user.Roles.Clear();
        user.Roles.AddRange(await db.Roles.Where(r => roleNames.Contains(r.Name)).ToListAsync());
        await db.SaveChangesAsync();
    }

    public static async Task SetDeactivatedAsync(UserAdminAppFactory app, int userId, NodaTime.LocalDate? deactivated)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var db = app.CreateDbContext();
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.Deactivated, deactivated));
    }
}
