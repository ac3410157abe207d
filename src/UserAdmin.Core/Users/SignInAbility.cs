using System.Linq.Expressions;
using NodaTime;

namespace UserAdmin.Core.Users;

/// <summary>
/// R-SEC-6, in one place: who can sign in (a password, and active today, R-USR-1), and so who counts as an
/// active tenant administrator wherever they are counted (sign-in, the import's last-administrator rule, the bootstrap).
/// </summary>
public static class SignInAbility
{
    public static Expression<Func<User, bool>> CanSignIn(LocalDate today) =>
        u => u.PasswordHash != null && (u.Deactivated == null || u.Deactivated > today);

    public static IQueryable<User> ActiveTenantAdministrators(IQueryable<User> users, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(users);
        return users.Where(CanSignIn(today)).Where(u => u.Roles.Any(r => r.IsTenantAdministrator));
    }
}
