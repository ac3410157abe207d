using NodaTime;

namespace UserAdmin.Core.Users;

/// <summary>
/// R-SEC-6, in one place: who can sign in (a password, and active today, R-USR-1), and so who counts as an
/// active tenant administrator wherever they are counted (sign-in, the import's last-administrator rule, the bootstrap).
/// </summary>
public static class SignInAbility
{
    public static IQueryable<User> WhoCanSignIn(this IQueryable<User> users, LocalDate today) =>
        users.Where(u => u.PasswordHash != null).Where(Activity.ActiveOn(today));

    public static IQueryable<User> ActiveTenantAdministrators(IQueryable<User> users, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(users);
        return users.WhoCanSignIn(today).Where(u => u.Roles.Any(r => r.IsTenantAdministrator));
    }
}
