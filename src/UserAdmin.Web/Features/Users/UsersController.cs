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
    public async Task<IActionResult> Index(string? search, UserStatusFilter status = UserStatusFilter.Active, UserSort sort = UserSort.Name, int page = 1, int pageSize = 50, CancellationToken cancellationToken = default)
    {
        var query = new UserListQuery(search, status, sort, page, pageSize);
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

public sealed record UsersIndexModel(UserListQuery Query, UserListPage Page);
