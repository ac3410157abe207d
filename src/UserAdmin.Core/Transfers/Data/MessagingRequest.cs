using NodaTime;

namespace UserAdmin.Core.Transfers.Data;

/// <summary>Classic WFM: a request an agent sent to scheduling (time off, shift swap; combined on transfer).</summary>
public class MessagingRequest
{
    public long Id { get; set; }
    public int RequesterUserId { get; set; }
    public string Subject { get; set; } = "";
    public string Status { get; set; } = "";
    public Instant RequestedAt { get; set; }
    public List<MessagingRequestComment> Comments { get; set; } = [];
}
