using Microsoft.AspNetCore.Mvc;

namespace UserAdmin.Web.Features.Home;

public sealed class HomeController : Controller
{
    [HttpGet("/")]
    public IActionResult Index() => RedirectToAction("Index", "Users");
}
