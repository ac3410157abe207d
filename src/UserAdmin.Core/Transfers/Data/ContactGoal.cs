using NodaTime;

namespace UserAdmin.Core.Transfers.Data;

/// <summary>
/// QM: a goal of evaluated or handled contacts for an agent over a period. It names two users, the
/// agent who works towards it and the supervisor who assigned it; a transfer re-points both
/// (combined on transfer).
/// </summary>
public class ContactGoal
{
    public long Id { get; set; }
    public int AgentUserId { get; set; }
    public int AssignedByUserId { get; set; }
    public string Name { get; set; } = "";
    public int TargetContacts { get; set; }
    public LocalDate StartsOn { get; set; }
    public LocalDate EndsOn { get; set; }
    public List<ContactGoalProgress> Progress { get; set; } = [];
}
