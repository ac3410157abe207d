namespace UserAdmin.Core.Users;

/// <summary>
/// One skill of a user (the Skill Mappings column of people.csv). Unique per user and skill, so a
/// user data transfer overwrites rather than combines them.
/// </summary>
public class SkillMapping
{
    public long Id { get; set; }
    public int UserId { get; set; }
    public string SkillName { get; set; } = "";
    public int Priority { get; set; }
}
