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
