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

/// <summary>A permission as people read it ("Transfer User Data"), never the enum's name.</summary>
public static class PermissionWords
{
    public static string Of(Permissions permission) => permission switch
    {
        Permissions.AssignUserRoles => "Assign User Roles",
        Permissions.EditQmViews => "Edit QM Views",
        Permissions.TransferUserData => "Transfer User Data",
        Permissions.ExportUsers => "Export Users",
        _ => string.Join(", ", Enum.GetValues<Permissions>().Where(p => p is not (Permissions.None or Permissions.All) && permission.HasFlag(p)).Select(Of)),
    };
}
