using NodaTime;

namespace UserAdmin.Core.Transfers.Data;

/// <summary>QM: something a user did that the audit trail keeps (combined on transfer).</summary>
public class AuditEvent
{
    public long Id { get; set; }
    public int UserId { get; set; }
    public string Action { get; set; } = "";
    public Instant OccurredAt { get; set; }
    public string? Detail { get; set; }
}
