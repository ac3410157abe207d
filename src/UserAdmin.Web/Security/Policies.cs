using UserAdmin.Core.Users;

namespace UserAdmin.Web.Security;

/// <summary>Authorization policy names, one per permission of DESIGN 2.2, plus tenant administrators only.</summary>
public static class Policies
{
    public const string AssignUserRoles = nameof(Permissions.AssignUserRoles);
    public const string EditQmViews = nameof(Permissions.EditQmViews);
    public const string TransferUserData = nameof(Permissions.TransferUserData);
    public const string ExportUsers = nameof(Permissions.ExportUsers);
    public const string TenantAdministrator = nameof(TenantAdministrator);
}
