namespace UserAdmin.Core.Users;

// Explicit join entities so that bulk writes (import) can insert and delete links as plain rows.

public class UserRole
{
    public int UserId { get; set; }
    public int RoleId { get; set; }
}

public class UserScopeTeam
{
    public int UserId { get; set; }
    public int TeamId { get; set; }
}

public class UserScopeGroup
{
    public int UserId { get; set; }
    public int GroupId { get; set; }
}

public class UserQmView
{
    public int UserId { get; set; }
    public int QmViewId { get; set; }
}
