namespace UserAdmin.Core.Users;

public class Team
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public int? GroupId { get; set; }
    public Group? Group { get; set; }
}
