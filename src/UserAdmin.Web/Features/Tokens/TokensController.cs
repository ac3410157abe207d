using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using NodaTime.Text;
using UserAdmin.Core.Security.AccessTokens;
using UserAdmin.Web.Security;

namespace UserAdmin.Web.Features.Tokens;

/// <summary>R-API-1: the signed-in user's personal access tokens for the API: create (shown once), list, revoke.</summary>
[Route("account/tokens")]
[Authorize]
public sealed class TokensController(CurrentAdministrator current, AccessTokens tokens, ILogger<TokensController> logger) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await ModelAsync(null, null, null, cancellationToken));

    /// <summary>The new token is rendered on this answer only, never stored or redirected to, and never cached.</summary>
    [HttpPost("")]
    public async Task<IActionResult> Create(string? name, string? expiresOn, CancellationToken cancellationToken)
    {
        var owner = await current.GetAsync(cancellationToken);
        var parsed = LocalDatePattern.Iso.Parse(expiresOn?.Trim() ?? "");
        var creation = parsed.Success || string.IsNullOrWhiteSpace(expiresOn)
            ? await tokens.CreateAsync(owner, name, parsed.Success ? parsed.Value : null, cancellationToken)
            : new TokenCreation(null, null, $"\"{expiresOn}\" is not a date; enter it as YYYY-MM-DD.");
        if (creation.Token is not { } token)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Index), await ModelAsync(null, creation.Problem, new TokenForm(name, expiresOn), cancellationToken));
        }

        logger.LogInformation("User {UserId} created access token {TokenId}", owner.UserId, token.Id);
        Response.Headers.CacheControl = "no-store";
        return View(nameof(Index), await ModelAsync(new CreatedToken(token.Name, creation.Secret!), null, null, cancellationToken));
    }

    [HttpPost("{id:int}/revoke")]
    public async Task<IActionResult> Revoke(int id, CancellationToken cancellationToken)
    {
        var owner = await current.GetAsync(cancellationToken);
        if (await tokens.RevokeAsync(owner.UserId, id, cancellationToken))
        {
            logger.LogInformation("User {UserId} revoked access token {TokenId}", owner.UserId, id);
            TempData["Notice"] = "The token was revoked. Scripts that use it now get 401 Unauthorized.";
        }
        else
        {
            TempData["Error"] = "This token was already revoked, or it is not one of yours.";
        }

        return RedirectToAction(nameof(Index));
    }

    private async Task<TokensModel> ModelAsync(CreatedToken? created, string? problem, TokenForm? form, CancellationToken cancellationToken)
    {
        var owner = await current.GetAsync(cancellationToken);
        var iso = LocalDatePattern.Iso;
        return new TokensModel(
            await tokens.ListAsync(owner.UserId, cancellationToken),
            created,
            problem,
            form ?? new TokenForm("", iso.Format(tokens.DefaultExpiry)),
            iso.Format(tokens.LatestExpiry));
    }
}

public sealed record TokenForm(string? Name, string? ExpiresOn);

public sealed record CreatedToken(string Name, string Secret);

public sealed record TokensModel(IReadOnlyList<AccessTokenSummary> Tokens, CreatedToken? Created, string? Problem, TokenForm Form, string LatestExpiry)
{
    public static string State(AccessTokenSummary token, Instant now)
    {
        ArgumentNullException.ThrowIfNull(token);
        return token switch
        {
            { Revocation: AccessTokenRevocation.OwnerCannotSignIn } => "Revoked: you could not sign in",
            { RevokedAt: not null } => "Revoked",
            _ when token.IsExpired(now) => "Expired",
            _ => "Active",
        };
    }

    public static string Count(int count) => count == 1 ? "1 token" : count.ToString(CultureInfo.InvariantCulture) + " tokens";
}
