using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using UserAdmin.Core.Security.AccessTokens;
using UserAdmin.Web.Features.Api;

namespace UserAdmin.Web.Security;

/// <summary>
/// The two ways in, never mixed (ADR-0013): a request under <c>/api</c> is authenticated by a bearer
/// token only, every other request by the sign-in cookie only. A browser's cookie therefore never
/// authenticates an API call (which takes no antiforgery token), and a token never opens a page.
/// </summary>
public static class AuthenticationSchemes
{
    public const string ByPath = "UserAdmin";
    public const string Bearer = "Bearer";
    public const string Cookie = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string ApiPath = "/api";

    public const string TokenIdClaim = "useradmin:token";

    public static bool IsApi(HttpRequest request) => request?.Path.StartsWithSegments(ApiPath, StringComparison.OrdinalIgnoreCase) == true;

    public static string For(HttpContext context) => IsApi(context?.Request!) ? Bearer : Cookie;
}

/// <summary>
/// R-API-1: <c>Authorization: Bearer uat_…</c>. The owner's profile is loaded fresh on every request by
/// <see cref="AccessTokens.CheckAsync"/>; a refusal is answered as a problem detail (RFC 9457) that says why.
/// </summary>
public sealed class AccessTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    AccessTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    private TokenCheck? _refusal;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }

        var presented = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
        var check = await tokens.CheckAsync(presented, Context.RequestAborted);
        if (check.Owner is not { } owner)
        {
            _refusal = check;
            Logger.LogInformation("API token refused ({Kind}), token {TokenId}", check.Kind, check.TokenId);
            return AuthenticateResult.Fail(check.Message);
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, owner.UserId.ToString(CultureInfo.InvariantCulture)),
                new Claim(AuthenticationSchemes.TokenIdClaim, check.TokenId!.Value.ToString(CultureInfo.InvariantCulture)),

                // The owner's stamp as it is now: a token follows its owner's current profile and is not ended by a
                // change of privileges (ADR-0013); deactivation and revocation end it in AccessTokens.CheckAsync.
                new Claim(CurrentAdministrator.SecurityStampClaim, owner.SecurityStamp.ToString()),
            ],
            Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = _refusal is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        var detail = _refusal?.Message
            ?? "This endpoint needs a personal access token: send \"Authorization: Bearer <token>\". Create a token on /account/tokens. The sign-in cookie does not authenticate API calls.";
        return ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "The request is not authenticated.", detail);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, "The token's owner lacks a permission.", "Your roles do not grant what this endpoint needs.");
}
