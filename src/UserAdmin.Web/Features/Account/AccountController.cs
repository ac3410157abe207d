using System.Globalization;
using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using UserAdmin.Core.Security;
using UserAdmin.Core.Tenancy;
using UserAdmin.Web.Security;

namespace UserAdmin.Web.Features.Account;

[Authorize]
[Route("account")]
public sealed class AccountController(PasswordSignIn signIn, SecurityStamps stamps, IValidator<LoginForm> validator, TenantClock clock, ILogger<AccountController> logger) : Controller
{
    [HttpGet("login")]
    [AllowAnonymous]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = returnUrl });

    [HttpPost("login")]
    [AllowAnonymous]
    [EnableRateLimiting(SignInRateLimit.Policy)]
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
                await SignInCookieAsync(result.UserId, result.SecurityStamp);
                logger.LogInformation("User {UserId} signed in", result.UserId);
                return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/");
            case SignInResultKind.LockedOut:
                logger.LogWarning("Sign-in refused: locked out (user {UserId}, 0 for a name that matches no account)", result.UserId);
                var until = clock.InTenantZone(result.LockedOutUntil!.Value).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                ModelState.AddModelError("", $"Too many failed sign-ins with this email or login: it is locked until {until} ({clock.Zone.Id}). Try again after that time.");
                break;
            default:
                ModelState.AddModelError("", "The email or login and password do not match an account that can sign in.");
                break;
        }

        form.Password = "";
        return View(form);
    }

    /// <summary>R-SEC-7: signing out renews the security stamp, so a copy of this session's cookie is refused too.</summary>
    [HttpPost("logout")]
    public async Task<IActionResult> Logout(CancellationToken cancellationToken)
    {
        if (CurrentAdministrator.UserIdOf(User) is { } userId)
        {
            await stamps.RenewAsync([userId], cancellationToken);
        }

        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return RedirectToAction(nameof(Login));
    }

    private Task SignInCookieAsync(int userId, Guid securityStamp)
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, userId.ToString(CultureInfo.InvariantCulture)),
                new Claim(CurrentAdministrator.SecurityStampClaim, securityStamp.ToString("N")),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme);
        return HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
    }
}
