using UserAdmin.Core.Users;

namespace UserAdmin.Web.Features.Home;

/// <summary>A task the home page offers, shown to those whose permissions its page requires.</summary>
public sealed record HomeAction(string Title, string Href, string Description, Func<AdministratorProfile, bool> IsAllowed)
{
    public static readonly IReadOnlyList<HomeAction> All =
    [
        new("Find a user", "/users", "Search the users in your view by name, email, login or ID.", p => p.HasAdministrativePermissions),
        new("Export people.csv", "/people", "Download every user in your view as a spreadsheet.", p => p.Has(Permissions.ExportUsers)),
        new("Import users", "/people/import", "Upload an edited people.csv, check the preview and apply it.", p => p.Has(Permissions.AssignUserRoles)),
        new("Import history", "/people/imports", "See your earlier imports and their error reports.", p => p.Has(Permissions.AssignUserRoles)),
        new("Mapping schemas", "/mappings", "Rename or delete saved column mappings.", p => p.Has(Permissions.AssignUserRoles)),
        new("Transfer one user's data", "/transfers/single", "Move one user's data to another user.", p => p.Has(Permissions.TransferUserData)),
        new("Bulk transfer", "/transfers/bulk", "Transfer the data of up to 2,000 pairs from a CSV file.", p => p.Has(Permissions.TransferUserData)),
        new("Transfer history", "/transfers", "Every transfer with its pairs and rows moved.", p => p.Has(Permissions.TransferUserData)),
        new("Jobs", "/hangfire", "The background job dashboard.", p => p.IsTenantAdministrator),
    ];
}
