using UserAdmin.Core.Csv;
using UserAdmin.Core.Transfers.Runs;

namespace UserAdmin.Core.Transfers.Bulk;

/// <summary>
/// One pair of a bulk file: the row's own user (From User ID) is the target, the user entered in
/// To User ID is the source (R-BLK-2). Labels are "Name (id)"; errors are the row's R-BLK-3 problems.
/// </summary>
public sealed record BulkPairRow(int Line, int? SourceUserId, string SourceLabel, int? TargetUserId, string TargetLabel, IReadOnlyList<CsvProblem> Errors)
{
    public int RowsMoved { get; init; }

    public int TargetRowsDeleted { get; init; }

    public bool IsValid => Errors.Count == 0;
}

/// <summary>The checked bulk file (R-BLK-3, R-BLK-4): file problems that stop it, and every pair with its errors and impact.</summary>
public sealed record BulkPlan(IReadOnlyList<CsvProblem> FileProblems, IReadOnlyList<BulkPairRow> Pairs, int IgnoredRows)
{
    public bool CanRun => FileProblems.Count == 0 && Pairs.Count > 0 && Pairs.All(p => p.IsValid);

    public int ErrorCount => Pairs.Count(p => !p.IsValid);

    /// <summary>The pairs of a plan that <see cref="CanRun"/>, with the names the administrator saw.</summary>
    public IReadOnlyList<PairToStart> PairsToStart() =>
        Pairs.Select(p => new PairToStart(p.SourceUserId!.Value, p.SourceLabel, p.TargetUserId!.Value, p.TargetLabel)).ToList();

    /// <summary>R-BLK-4: errors first, then the file's order.</summary>
    public IReadOnlyList<BulkPairRow> ErrorsFirst => Pairs.OrderBy(p => p.IsValid).ThenBy(p => p.Line).ToList();
}
