using System.Globalization;
using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Tenancy;

namespace UserAdmin.Core.Users;

public enum UserStatusFilter
{
    Active,
    Inactive,
    All,
}

public enum UserSort
{
    Name,
    Email,
    Id,
    Team,
}

public enum SortDirection
{
    Ascending,
    Descending,
}

public sealed record UserListQuery(string? Search, UserStatusFilter Status, UserSort Sort, int Page, int PageSize, SortDirection Direction = SortDirection.Ascending)
{
    public static readonly int[] PageSizes = [25, 50, 100];
}

public sealed record UserListRow(int Id, string FirstName, string LastName, string Email, string? Login, string? Team, bool IsActive, string Roles)
{
    /// <summary>Holds a tenant-administrator role (whose data cannot be transferred, R-TRF-3).</summary>
    public bool IsTenantAdministrator { get; init; }
}

public sealed record UserListPage(IReadOnlyList<UserListRow> Rows, int TotalCount, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
}

/// <summary>The users list: search by name, email, login or id, filter by status, sort and page — within the view.</summary>
public sealed class UserList(UserViewScope scope, TenantClock clock)
{
    public async Task<UserListPage> FindAsync(AdministratorProfile administrator, UserListQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var today = clock.Today;
        var users = Search(scope.VisibleUsers(administrator).AsNoTracking(), query.Search);
        users = query.Status switch
        {
            UserStatusFilter.Active => users.Where(Activity.ActiveOn(today)),
            UserStatusFilter.Inactive => users.Where(Activity.InactiveOn(today)),
            _ => users,
        };
        users = Order(users, query.Sort, query.Direction == SortDirection.Descending);

        var pageSize = UserListQuery.PageSizes.Contains(query.PageSize) ? query.PageSize : UserListQuery.PageSizes[1];
        var total = await users.CountAsync(cancellationToken).ConfigureAwait(false);
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        var page = Math.Clamp(query.Page, 1, pageCount);
        var rows = await users.Skip((page - 1) * pageSize).Take(pageSize)
            .Select(u => new
            {
                u.Id,
                u.FirstName,
                u.LastName,
                u.Email,
                u.Login,
                Team = u.Team == null ? null : u.Team.Name,
                u.Deactivated,
                Roles = u.Roles.OrderBy(r => r.Name).Select(r => r.Name).ToList(),
                IsTenantAdministrator = u.Roles.Any(r => r.IsTenantAdministrator),
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new UserListPage(
            rows.ConvertAll(r => new UserListRow(r.Id, r.FirstName, r.LastName, r.Email, r.Login, r.Team, Activity.IsActive(r.Deactivated, today), string.Join(", ", r.Roles)) { IsTenantAdministrator = r.IsTenantAdministrator }),
            total,
            page,
            pageSize);
    }

    // The id breaks ties so that pages never overlap; descending reverses every key. Users without a team come first
    // (ascending) on every provider: PostgreSQL would otherwise sort the NULL team last.
    private static IQueryable<User> Order(IQueryable<User> users, UserSort sort, bool descending) => (sort, descending) switch
    {
        (UserSort.Email, false) => users.OrderBy(u => u.NormalizedEmail).ThenBy(u => u.Id),
        (UserSort.Email, true) => users.OrderByDescending(u => u.NormalizedEmail).ThenByDescending(u => u.Id),
        (UserSort.Id, false) => users.OrderBy(u => u.Id),
        (UserSort.Id, true) => users.OrderByDescending(u => u.Id),
        (UserSort.Team, false) => users.OrderBy(u => u.Team == null ? 0 : 1).ThenBy(u => u.Team!.Name).ThenBy(u => u.LastName).ThenBy(u => u.FirstName).ThenBy(u => u.Id),
        (UserSort.Team, true) => users.OrderByDescending(u => u.Team == null ? 0 : 1).ThenByDescending(u => u.Team!.Name).ThenByDescending(u => u.LastName).ThenByDescending(u => u.FirstName).ThenByDescending(u => u.Id),
        (_, false) => users.OrderBy(u => u.LastName).ThenBy(u => u.FirstName).ThenBy(u => u.Id),
        (_, true) => users.OrderByDescending(u => u.LastName).ThenByDescending(u => u.FirstName).ThenByDescending(u => u.Id),
    };

    private static IQueryable<User> Search(IQueryable<User> users, string? search)
    {
        var term = search?.Trim();
        if (string.IsNullOrEmpty(term))
        {
            return users;
        }

        if (int.TryParse(term, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return users.Where(u => u.Id == id);
        }

        var pattern = "%" + term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
        return users.Where(u =>
            TextMatch.Like(u.Email, pattern)
            || TextMatch.Like(u.Login, pattern)
            || TextMatch.Like(u.FirstName + " " + u.LastName, pattern)
            || TextMatch.Like(u.LastName + ", " + u.FirstName, pattern));
    }
}
