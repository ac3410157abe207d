using UserAdmin.Core.Users;

namespace UserAdmin.Web.Hosting;

/// <summary>One entry of the main navigation, shown to those who hold its permission.</summary>
public sealed record NavigationItem(string Title, string Href, Func<AdministratorProfile, bool> IsVisibleTo);

/// <summary>The main navigation, in order. A feature adds its pages here.</summary>
public static class Navigation
{
    public static readonly IReadOnlyList<NavigationItem> Items =
    [
        new("Users", "/users", p => p.HasAdministrativePermissions),
        new("People CSV", "/people", p => p.Has(Permissions.ExportUsers) || p.Has(Permissions.AssignUserRoles)),
        new("Mappings", "/mappings", p => p.Has(Permissions.AssignUserRoles)),
        new("Transfers", "/transfers", p => p.Has(Permissions.TransferUserData)),
        new("Jobs", "/hangfire", p => p.IsTenantAdministrator),
        new("API tokens", "/account/tokens", p => p.Permissions != Permissions.None),
    ];
}
