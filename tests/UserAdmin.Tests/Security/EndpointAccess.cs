using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using UserAdmin.Core.Users;
using UserAdmin.Web.Security;

namespace UserAdmin.Tests.Security;

/// <summary>
/// Who may use an endpoint, read from its authorization metadata combined the way the authorization
/// middleware combines it, and compared with an administrator's permissions as stored in the database.
/// </summary>
public sealed class EndpointAccess(IAuthorizationPolicyProvider policies)
{
    public static EndpointAccess From(IServiceProvider services) => new(services.GetRequiredService<IAuthorizationPolicyProvider>());

    public async Task<bool> AllowsAsync(AppEndpoint endpoint, AdministratorProfile? profile)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint.AllowsAnonymous)
        {
            return true;
        }

        var metadata = endpoint.Endpoint.Metadata;
        var policy = await AuthorizationPolicy.CombineAsync(policies, metadata.GetOrderedMetadata<IAuthorizeData>(), metadata.GetOrderedMetadata<AuthorizationPolicy>())
            ?? await policies.GetFallbackPolicyAsync();
        return policy is null || policy.Requirements.All(requirement => Grants(requirement, profile, endpoint));
    }

    private static bool Grants(IAuthorizationRequirement requirement, AdministratorProfile? profile, AppEndpoint endpoint) => requirement switch
    {
        DenyAnonymousAuthorizationRequirement => profile is not null,
        PermissionRequirement { Permission: Permissions.None } => profile?.IsTenantAdministrator == true,
        PermissionRequirement permission => profile?.Has(permission.Permission) == true,
        _ => throw new NotSupportedException($"{endpoint} requires {requirement}; teach {nameof(EndpointAccess)} what it means."),
    };
}
