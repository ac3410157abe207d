using NodaTime;

namespace UserAdmin.Core.Transfers.Data;

/// <summary>Classic WFM: a comment written on a messaging request by its author (combined on transfer).</summary>
public class MessagingRequestComment
{
    public long Id { get; set; }
    public long MessagingRequestId { get; set; }
    public int AuthorUserId { get; set; }
    public string Text { get; set; } = "";
    public Instant WrittenAt { get; set; }
}
