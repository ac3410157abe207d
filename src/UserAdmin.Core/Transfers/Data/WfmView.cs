namespace UserAdmin.Core.Transfers.Data;

/// <summary>
/// Classic WFM: a view (saved layout of a schedule or adherence screen) owned by a user. Not unique
/// per owner and name, so a target keeps its own views beside the source's (combined on transfer).
/// </summary>
public class WfmView
{
    public long Id { get; set; }
    public int OwnerUserId { get; set; }
    public string Name { get; set; } = "";
    public string Screen { get; set; } = "";
    public string Definition { get; set; } = "";
}
