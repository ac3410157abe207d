using NodaTime;

namespace UserAdmin.Core.Transfers.Data;

/// <summary>QM: an entry of the archive audit, who archived, restored or purged which contact (combined on transfer).</summary>
public class ArchiveAudit
{
    public long Id { get; set; }
    public int UserId { get; set; }
    public string Action { get; set; } = "";
    public string ContactReference { get; set; } = "";
    public Instant OccurredAt { get; set; }
}
