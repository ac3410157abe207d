namespace UserAdmin.Core.Users;

public class Role
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public Permissions Permissions { get; set; }

    /// <summary>Holders are tenant administrators (R-USR-3): every permission and full scope.</summary>
    public bool IsTenantAdministrator { get; set; }
}
