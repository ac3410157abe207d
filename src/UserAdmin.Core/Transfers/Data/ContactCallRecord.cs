using NodaTime;

namespace UserAdmin.Core.Transfers.Data;

/// <summary>QM: a contact call record (CCR) of the agent who handled the contact (combined on transfer).</summary>
public class ContactCallRecord
{
    public long Id { get; set; }
    public int AgentUserId { get; set; }
    public Instant StartedAt { get; set; }
    public int DurationSeconds { get; set; }
    public string Direction { get; set; } = "";
    public string? CallerNumber { get; set; }
}
