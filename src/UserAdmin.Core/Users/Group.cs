namespace UserAdmin.Core.Users;

public class Group
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
}
