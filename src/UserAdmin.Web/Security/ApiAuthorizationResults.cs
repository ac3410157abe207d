using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using UserAdmin.Web.Features.Api;

namespace UserAdmin.Web.Security;

/// <summary>
/// An API call refused for a permission is answered with a 403 problem detail naming the permission
/// the token's owner lacks (their roles may have changed since the token was made); pages are unchanged.
/// </summary>
public sealed class ApiAuthorizationResults : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _pages = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (!AuthenticationSchemes.IsApi(context.Request) || !authorizeResult.Forbidden)
        {
            return _pages.HandleAsync(next, context, policy, authorizeResult);
        }

        var missing = authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<PermissionRequirement>()
            .Select(r => r.Permission == Core.Users.Permissions.None ? "tenant administrator" : Core.Users.PermissionNames.Of(r.Permission))
            .ToList() ?? [];
        var detail = missing.Count == 0
            ? "The token's owner may not use this endpoint."
            : $"This endpoint needs the {string.Join(" and ", missing)} permission, which the token's owner's roles do not grant (now). A token acts with its owner's current permissions.";
        return ApiProblems.WriteAsync(context, StatusCodes.Status403Forbidden, "The token's owner lacks a permission.", detail);
    }
}
