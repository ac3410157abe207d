using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using UserAdmin.Core.Overview;
using UserAdmin.Core.Users;
using UserAdmin.Web.Security;

namespace UserAdmin.Web.Features.Home;

/// <summary>R-UX-1: the start page, per role: what runs, what happened lately, what the user may do.</summary>
[Authorize]
public sealed class HomeController(CurrentAdministrator current, HomeOverviews overviews) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var administrator = await current.GetAsync(cancellationToken);
        return View(new HomeModel(administrator, await overviews.ForAsync(administrator, cancellationToken)));
    }
}

public sealed record HomeModel(AdministratorProfile Administrator, HomeOverview Overview)
{
    public IEnumerable<HomeAction> Actions => HomeAction.All.Where(a => a.IsAllowed(Administrator));
}
