using System.Linq.Expressions;
using NodaTime;

namespace UserAdmin.Core.Users;

/// <summary>
/// R-USR-1, the one home of "active": a user is active when Deactivated is empty or later than
/// today, today being the tenant's date (<see cref="Tenancy.TenantClock.Today"/>), never UTC's.
/// </summary>
public static class Activity
{
    public static bool IsActive(LocalDate? deactivated, LocalDate today) => deactivated is null || deactivated > today;

    /// <summary>The same rule for queries: translated to SQL on every provider (a plain comparison of dates).</summary>
    public static Expression<Func<User, bool>> ActiveOn(LocalDate today) => u => u.Deactivated == null || u.Deactivated > today;

    public static Expression<Func<User, bool>> InactiveOn(LocalDate today) => u => u.Deactivated != null && u.Deactivated <= today;
}
