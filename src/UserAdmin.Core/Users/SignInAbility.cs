using NodaTime;

namespace UserAdmin.Core.Users;

/// <summary>
/// R-SEC-6, in one place: who can sign in (a password, and active today, R-USR-1), and so who counts as an
/// active tenant administrator wherever they are counted (sign-in, the import's last-administrator rule, the bootstrap).
/// </summary>
public static class SignInAbility
{
    /// <summary>The users of <paramref name="users"/> who can sign in today: a password, and active (<see cref="Activity"/>).</summary>
    public static IQueryable<User> WhoCanSignIn(IQueryable<User> users, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(users);
        return users.Where(u => u.PasswordHash != null).Where(Activity.ActiveOn(today));
    }

    public static IQueryable<User> ActiveTenantAdministrators(IQueryable<User> users, LocalDate today) =>
        WhoCanSignIn(users, today).Where(u => u.Roles.Any(r => r.IsTenantAdministrator));
}
