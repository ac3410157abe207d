using NodaTime;

namespace UserAdmin.Core.Transfers.Data;

/// <summary>
/// Classic WFM: a user's membership of a project, with the hours planned for it each week. One per
/// user and project (a unique key), so a transfer overwrites the target's projects.
/// </summary>
public class ProjectAssignment
{
    public long Id { get; set; }
    public int UserId { get; set; }
    public string ProjectName { get; set; } = "";
    public decimal HoursPerWeek { get; set; }
    public LocalDate StartsOn { get; set; }
}
