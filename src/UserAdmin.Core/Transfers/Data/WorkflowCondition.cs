namespace UserAdmin.Core.Transfers.Data;

/// <summary>
/// Classic WFM: a workflow condition (when X happens, notify someone). It names two users, the owner
/// who set it up and the user it notifies; a transfer re-points both (combined on transfer).
/// </summary>
public class WorkflowCondition
{
    public long Id { get; set; }
    public int OwnerUserId { get; set; }
    public int NotifyUserId { get; set; }
    public string Name { get; set; } = "";
    public string Condition { get; set; } = "";
}
