using NodaTime;

namespace UserAdmin.Core.Transfers.Data;

/// <summary>
/// QM: an agent's progress towards a contact goal on one day. Its own table with its own user
/// column, so the progress moves with the agent even where the goal was assigned to someone else
/// (combined on transfer).
/// </summary>
public class ContactGoalProgress
{
    public long Id { get; set; }
    public long ContactGoalId { get; set; }
    public int AgentUserId { get; set; }
    public LocalDate Day { get; set; }
    public int ContactsDone { get; set; }
}
