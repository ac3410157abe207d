using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using UserAdmin.Core.Users;
using UserAdmin.Web.Security;

namespace UserAdmin.Web.Features.Users;

// Every signed-in administrator may list users; R-SEC-2's view scope decides which ones they see.
[Authorize]
[Route("users")]
public sealed class UsersController(CurrentAdministrator current, UserList list, UserDetails details) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? search, UserStatusFilter status = UserStatusFilter.Active, UserSort sort = UserSort.Name, SortDirection direction = SortDirection.Ascending, int page = 1, int pageSize = 50, CancellationToken cancellationToken = default)
    {
        var query = new UserListQuery(search, status, sort, page, pageSize, direction);
        var result = await list.FindAsync(await current.GetAsync(cancellationToken), query, cancellationToken);
        return View(new UsersIndexModel(query, result));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var user = await details.FindAsync(await current.GetAsync(cancellationToken), id, cancellationToken);
        return user is null ? NotFound() : View(user);
    }
}

public sealed record UsersIndexModel(UserListQuery Query, UserListPage Page)
{
    /// <summary>R-UX-4: the words for each sort and status, never the enum's names.</summary>
    public static string Label(UserSort sort) => sort switch
    {
        UserSort.Id => "User ID",
        UserSort.Email => "Email",
        UserSort.Team => "Team",
        _ => "Name",
    };

    public static string Label(UserStatusFilter status) => status switch
    {
        UserStatusFilter.Inactive => "Inactive users",
        UserStatusFilter.All => "Active and inactive users",
        _ => "Active users",
    };

    /// <summary>The link of a column header: sorts by it, or reverses the direction when it already sorts.</summary>
    public string SortUrl(UserSort sort)
    {
        var direction = Query.Sort == sort && Query.Direction == SortDirection.Ascending ? SortDirection.Descending : SortDirection.Ascending;
        var builder = new Microsoft.AspNetCore.Http.Extensions.QueryBuilder
        {
            { "search", Query.Search ?? "" },
            { "status", Query.Status.ToString() },
            { "sort", sort.ToString() },
            { "direction", direction.ToString() },
            { "pageSize", Page.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        return "/users" + builder.ToQueryString();
    }

    /// <summary>The header's <c>aria-sort</c>: only the sorting column carries one.</summary>
    public string? AriaSort(UserSort sort) =>
        Query.Sort != sort ? null : Query.Direction == SortDirection.Descending ? "descending" : "ascending";
}
