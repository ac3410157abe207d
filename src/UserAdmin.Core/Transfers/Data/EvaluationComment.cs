using NodaTime;

namespace UserAdmin.Core.Transfers.Data;

/// <summary>QM: a comment written on an evaluation by its author (combined on transfer).</summary>
public class EvaluationComment
{
    public long Id { get; set; }
    public long EvaluationId { get; set; }
    public int AuthorUserId { get; set; }
    public string Text { get; set; } = "";
    public Instant WrittenAt { get; set; }
}
