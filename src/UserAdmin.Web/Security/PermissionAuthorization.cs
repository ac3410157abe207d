using Microsoft.AspNetCore.Authorization;
using UserAdmin.Core.Users;

namespace UserAdmin.Web.Security;

/// <summary>Requires a permission (or tenant administration when <see cref="Permission"/> is None).</summary>
public sealed record PermissionRequirement(Permissions Permission) : IAuthorizationRequirement;

/// <summary>Checks permissions against the database on every request, not against cookie claims.</summary>
public sealed class PermissionAuthorizationHandler(CurrentAdministrator current) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        var profile = await current.FindAsync();
        if (profile is null)
        {
            return;
        }

        var allowed = requirement.Permission == Permissions.None
            ? profile.IsTenantAdministrator
            : profile.Has(requirement.Permission);
        if (allowed)
        {
            context.Succeed(requirement);
        }
    }
}
