namespace UserAdmin.Core.Users;

public class QmView
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
}
