using NodaTime;

namespace UserAdmin.Core.Transfers.Data;

/// <summary>Classic WFM: a user's current real-time adherence state; one per user, so overwritten on transfer.</summary>
public class RealTimeState
{
    public long Id { get; set; }
    public int UserId { get; set; }
    public string State { get; set; } = "";
    public Instant Since { get; set; }
}
