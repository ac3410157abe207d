using NodaTime;

namespace UserAdmin.Core.Transfers.Data;

/// <summary>
/// QM: a scored evaluation form. It names two users, the evaluator and the approver; a transfer
/// re-points both (combined on transfer).
/// </summary>
public class Evaluation
{
    public long Id { get; set; }
    public int EvaluatorUserId { get; set; }
    public int ApproverUserId { get; set; }
    public string FormName { get; set; } = "";
    public int ScorePercent { get; set; }
    public Instant EvaluatedAt { get; set; }
    public List<EvaluationComment> Comments { get; set; } = [];
}
