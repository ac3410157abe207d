namespace UserAdmin.Core.Users;

/// <summary>What a role allows (DESIGN 2.2). Stored as a bit set on the role.</summary>
[Flags]
#pragma warning disable CA1711 // "Permissions" is the product's word
public enum Permissions
#pragma warning restore CA1711
{
    None = 0,
    AssignUserRoles = 1,
    EditQmViews = 2,
    TransferUserData = 4,
    ExportUsers = 8,
    All = AssignUserRoles | EditQmViews | TransferUserData | ExportUsers,
}

/// <summary>The product's words for each permission, for messages.</summary>
public static class PermissionNames
{
    public static string Of(Permissions permission) => permission switch
    {
        Permissions.AssignUserRoles => "Assign User Roles",
        Permissions.EditQmViews => "Edit QM Views",
        Permissions.TransferUserData => "Transfer User Data",
        Permissions.ExportUsers => "Export Users",
        _ => string.Join(", ", Enum.GetValues<Permissions>().Where(p => p is not Permissions.None and not Permissions.All && (permission & p) == p).Select(Of)),
    };

    /// <summary>"the Edit QM Views permission" or "the Edit QM Views and Export Users permissions".</summary>
    public static string Phrase(Permissions permissions)
    {
        var names = Enum.GetValues<Permissions>().Where(p => p is not Permissions.None and not Permissions.All && (permissions & p) == p).Select(Of).ToList();
        return names.Count == 1 ? $"the {names[0]} permission" : $"the {string.Join(", ", names[..^1])} and {names[^1]} permissions";
    }
}
