using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.Tenancy;

public sealed record BootstrapOptions(string AdminEmail, string? AdminPassword);

public enum BootstrapAction
{
    /// <summary>An active tenant administrator exists: nothing was done.</summary>
    None,

    /// <summary>The configured administrator was created.</summary>
    Created,

    /// <summary>The configured administrator existed and was given back the role, activation and a password.</summary>
    Recovered,
}

/// <summary>What the start did; <see cref="GeneratedPassword"/> is shown once and never stored in clear.</summary>
public sealed record BootstrapOutcome(BootstrapAction Action, string AdminEmail, string? GeneratedPassword)
{
    public bool Changed => Action != BootstrapAction.None;
}

/// <summary>
/// R-SEC-4 and R-SEC-6: on every start, when no active tenant administrator (one who can sign in) exists, creates
/// or recovers the one of <c>Bootstrap:AdminEmail</c> / <c>Bootstrap:AdminPassword</c>, generating the password
/// when none is configured, and logs it. A tenant can so never stay locked out of itself.
/// </summary>
public sealed class AdministratorBootstrap(UserAdminDbContext db, IPasswordHasher<User> hasher, TenantClock clock, ILogger<AdministratorBootstrap> logger)
{
    public const string TenantAdministratorRoleName = "Tenant Administrator";

    public async Task<BootstrapOutcome> EnsureAdministratorAsync(BootstrapOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var role = await db.Roles.FirstOrDefaultAsync(r => r.IsTenantAdministrator, cancellationToken).ConfigureAwait(false);
        if (role is null)
        {
            role = new Role { Name = TenantAdministratorRoleName, Permissions = Permissions.All, IsTenantAdministrator = true };
            db.Roles.Add(role);
        }
        else if (await SignInAbility.ActiveTenantAdministrators(db.Users, clock.Today).AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            return new BootstrapOutcome(BootstrapAction.None, options.AdminEmail, null);
        }

        var generated = string.IsNullOrEmpty(options.AdminPassword) ? GeneratePassword() : null;
        var password = generated ?? options.AdminPassword!;
        var normalizedEmail = User.NormalizeKey(options.AdminEmail);
        var admin = await db.Users.Include(u => u.Roles)
            .FirstOrDefaultAsync(u => u.NormalizedEmail == normalizedEmail, cancellationToken).ConfigureAwait(false);
        var action = admin is null ? BootstrapAction.Created : BootstrapAction.Recovered;
        if (admin is null)
        {
            admin = new User { Email = options.AdminEmail.Trim(), FirstName = "Tenant", LastName = "Administrator", Login = "admin", FullScope = true };
            db.Users.Add(admin);
        }

        admin.Deactivated = null;
        admin.PasswordHash = hasher.HashPassword(admin, password);
        admin.SecurityStamp = Guid.NewGuid();
        admin.Version = Guid.NewGuid();
        if (!admin.Roles.Contains(role))
        {
            admin.Roles.Add(role);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        if (action == BootstrapAction.Recovered)
        {
            logger.LogWarning(
                "No active tenant administrator could sign in: user {UserId} (Bootstrap:AdminEmail) was reactivated as tenant administrator with a new password",
                admin.Id);
        }
        else
        {
            logger.LogInformation("No active tenant administrator existed: user {UserId} was created from Bootstrap:AdminEmail", admin.Id);
        }

        return new BootstrapOutcome(action, admin.Email, generated);
    }

    public static string GeneratePassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(alphabet, 20);
    }
}
