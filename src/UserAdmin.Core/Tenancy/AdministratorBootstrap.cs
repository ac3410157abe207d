using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.Tenancy;

public sealed record BootstrapOptions(string AdminEmail, string? AdminPassword);

/// <summary>What the first start created; <see cref="GeneratedPassword"/> is shown once and never stored in clear.</summary>
public sealed record BootstrapOutcome(bool Created, string AdminEmail, string? GeneratedPassword);

/// <summary>
/// R-SEC-4: on first start, when no tenant administrator can sign in, creates one from
/// <c>Bootstrap:AdminEmail</c> / <c>Bootstrap:AdminPassword</c>, generating the password when none is configured.
/// </summary>
public sealed class AdministratorBootstrap(UserAdminDbContext db, IPasswordHasher<User> hasher)
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
        else if (await db.Users.AnyAsync(u => u.PasswordHash != null && u.Roles.Any(r => r.IsTenantAdministrator), cancellationToken).ConfigureAwait(false))
        {
            return new BootstrapOutcome(false, options.AdminEmail, null);
        }

        var generated = string.IsNullOrEmpty(options.AdminPassword) ? GeneratePassword() : null;
        var password = generated ?? options.AdminPassword!;
        var normalizedEmail = User.NormalizeKey(options.AdminEmail);
        var admin = await db.Users.Include(u => u.Roles)
            .FirstOrDefaultAsync(u => u.NormalizedEmail == normalizedEmail, cancellationToken).ConfigureAwait(false);
        if (admin is null)
        {
            admin = new User { Email = options.AdminEmail.Trim(), FirstName = "Tenant", LastName = "Administrator", Login = "admin", FullScope = true };
            db.Users.Add(admin);
        }

        admin.Deactivated = null;
        admin.PasswordHash = hasher.HashPassword(admin, password);
        if (!admin.Roles.Contains(role))
        {
            admin.Roles.Add(role);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new BootstrapOutcome(true, admin.Email, generated);
    }

    public static string GeneratePassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(alphabet, 20);
    }
}
