using System.Globalization;
using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using UserAdmin.Core.Security;
using UserAdmin.Core.Tenancy;

namespace UserAdmin.Web.Features.Account;

[Authorize]
[Route("account")]
public sealed class AccountController(PasswordSignIn signIn, IValidator<LoginForm> validator, TenantClock clock, ILogger<AccountController> logger) : Controller
{
    [HttpGet("login")]
    [AllowAnonymous]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = returnUrl });

    [HttpPost("login")]
    [AllowAnonymous]
    [RequestSizeLimit(LoginForm.MaxRequestBytes)]
    public async Task<IActionResult> Login(LoginForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var validation = await validator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid)
        {
            foreach (var error in validation.Errors)
            {
                ModelState.AddModelError(error.PropertyName, error.ErrorMessage);
            }

            return View(form);
        }

        var result = await signIn.SignInAsync(form.EmailOrLogin, form.Password, cancellationToken);
        switch (result.Kind)
        {
            case SignInResultKind.Succeeded:
                await SignInCookieAsync(result.UserId);
                logger.LogInformation("User {UserId} signed in", result.UserId);
                return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/");
            case SignInResultKind.LockedOut:
                logger.LogWarning("Sign-in refused: user {UserId} is locked out", result.UserId);
                var until = clock.InTenantZone(result.LockedOutUntil!.Value).ToString("HH:mm", CultureInfo.InvariantCulture);
                ModelState.AddModelError("", $"This account is locked after too many failed sign-ins. Try again after {until} ({clock.Zone.Id}).");
                break;
            default:
                ModelState.AddModelError("", "The email or login and password do not match an account that can sign in.");
                break;
        }

        form.Password = "";
        return View(form);
    }

    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return RedirectToAction(nameof(Login));
    }

    private Task SignInCookieAsync(int userId)
    {
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, userId.ToString(CultureInfo.InvariantCulture))],
            CookieAuthenticationDefaults.AuthenticationScheme);
        return HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
    }
}
