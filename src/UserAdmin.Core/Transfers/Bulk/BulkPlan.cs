using System.Text.Json.Serialization;
using UserAdmin.Core.Csv;
using UserAdmin.Core.Transfers.Runs;

namespace UserAdmin.Core.Transfers.Bulk;

/// <summary>
/// One pair of a bulk file: the row's own user (From User ID) is the target, the user entered in
/// To User ID is the source (R-BLK-2). Labels are <see cref="Users.UserLabel"/>s; errors are the row's
/// R-BLK-3 problems; <see cref="Earlier"/> is the source's earlier transfer (R-TRF-6), if any.
/// </summary>
public sealed record BulkPairRow(int Line, int? SourceUserId, string SourceLabel, int? TargetUserId, string TargetLabel, IReadOnlyList<CsvProblem> Errors)
{
    public int RowsMoved { get; init; }

    public int TargetRowsDeleted { get; init; }

    /// <summary>R-TRF-7: the overwritten types whose target rows are deleted with nothing to replace them.</summary>
    public IReadOnlyList<string> Destroyed { get; init; } = [];

    public EarlierTransfer? Earlier { get; init; }

    [JsonIgnore]
    public bool HasErrors => Errors.Count > 0;
}

/// <summary>
/// The checked bulk file (R-BLK-3, R-BLK-4): file problems that stop it, and every pair with its errors and
/// impact. Planned once per upload and stored (<see cref="BulkPlanStore"/>). A row whose source was already
/// transferred is an error unless <see cref="IncludesTransferred"/> (R-TRF-6).
/// </summary>
public sealed record BulkPlan(IReadOnlyList<CsvProblem> FileProblems, IReadOnlyList<BulkPairRow> Pairs, int IgnoredRows)
{
    public bool IncludesTransferred { get; init; }

    [JsonIgnore]
    public bool CanRun => FileProblems.Count == 0 && Pairs.Count > 0 && Pairs.All(IsValid);

    [JsonIgnore]
    public int ErrorCount => Pairs.Count(p => !IsValid(p));

    [JsonIgnore]
    public int AlreadyTransferredCount => Pairs.Count(p => p.Earlier is not null);

    /// <summary>The pairs of a plan that <see cref="CanRun"/>, with the names the administrator saw and their choice about earlier transfers.</summary>
    public IReadOnlyList<PairToStart> PairsToStart() =>
        Pairs.Select(p => new PairToStart(p.SourceUserId!.Value, p.SourceLabel, p.TargetUserId!.Value, p.TargetLabel, IncludesTransferred)).ToList();

    /// <summary>
    /// A row's reasons not to run, in words: its errors and, unless <see cref="IncludesTransferred"/>, its source's
    /// earlier transfer (R-TRF-6), on the column that names the source (To User ID, R-BLK-2).
    /// </summary>
    public IReadOnlyList<CsvProblem> ProblemsOf(BulkPairRow row, Func<EarlierTransfer, string> earlierInWords)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(earlierInWords);
        return row.Earlier is { } earlier && !IncludesTransferred
            ? [.. row.Errors, new CsvProblem(row.Line, BulkTransferExport.ToHeader, row.SourceUserId?.ToString(System.Globalization.CultureInfo.InvariantCulture), earlierInWords(earlier))]
            : row.Errors;
    }

    /// <summary>R-BLK-4: errors first, then the file's order.</summary>
    [JsonIgnore]
    public IReadOnlyList<BulkPairRow> ErrorsFirst => Pairs.OrderBy(IsValid).ThenBy(p => p.Line).ToList();

    public bool IsValid(BulkPairRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return !row.HasErrors && (row.Earlier is null || IncludesTransferred);
    }
}
