using UserAdmin.Core.People;
using UserAdmin.Core.People.Import;
using UserAdmin.Core.Transfers;
using UserAdmin.Core.Transfers.Bulk;
using UserAdmin.Core.Transfers.Runs;

namespace UserAdmin.Web.Features.Api;

// The JSON shapes of /api/v1. Fields use the product's words (CSV headers for user fields); times are UTC offsets.

public sealed record ImportCounts(int New, int Updated, int Unchanged, int Invalid);

public sealed record ApiFieldChange(string Field, string? Old, string? New);

public sealed record ApiRowChange(int Line, PlannedRowKind Kind, int? UserId, string Name, ActivationChange Activation, IReadOnlyList<ApiFieldChange> Changes);

public sealed record ApiFieldClearing(string Field, int Users);

/// <summary>R-IMP-7 through the API: what the import would do, nothing written.</summary>
public sealed record ImportDryRun(
    bool DryRun,
    bool CanApply,
    string? WhyItCannotBeApplied,
    ImportCounts Counts,
    IReadOnlyList<string> MissingColumns,
    IReadOnlyList<ApiFieldClearing> Clearings,
    IReadOnlyList<string> Notices,
    IReadOnlyList<ApiRowChange> Changes,
    IReadOnlyList<ApiRowError> Errors)
{
    public static ImportDryRun Of(ImportPlan plan, IReadOnlySet<PersonField> missingColumns, string? whyNot)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new ImportDryRun(
            true,
            whyNot is null,
            whyNot,
            CountsOf(plan),
            PersonFields.All.Where(f => missingColumns.Contains(f.Field)).Select(f => f.Header).ToList(),
            plan.Clearings().Select(c => new ApiFieldClearing(PersonFields.Of(c.Field).Header, c.Users)).ToList(),
            plan.Notices,
            plan.Rows.Where(r => r.Kind is PlannedRowKind.New or PlannedRowKind.Updated)
                .Select(r => new ApiRowChange(r.Line, r.Kind, r.UserId, r.Name, r.Activation, r.Changes.Select(c => new ApiFieldChange(PersonFields.Of(c.Field).Header, c.Old, c.New)).ToList()))
                .ToList(),
            plan.BlockingProblems.Concat(plan.AllProblems).Select(ApiRowError.Of).ToList());
    }

    public static ImportCounts CountsOf(ImportPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new ImportCounts(plan.Count(PlannedRowKind.New), plan.Count(PlannedRowKind.Updated), plan.Count(PlannedRowKind.Unchanged), plan.Count(PlannedRowKind.Invalid));
    }
}

/// <summary>The answer to a started import: poll <see cref="Status"/> until it has finished.</summary>
public sealed record ImportStarted(int Id, string Status);

/// <summary>
/// R-IMP-9, R-IMP-10 through the API: <see cref="State"/> is the import's state (Queued, Checking, Writing while its job
/// runs; Succeeded, Refused or Failed once <see cref="Finished"/>), <see cref="Message"/> says why when nothing was written.
/// </summary>
public sealed record ImportStatus(int Id, string State, bool Finished, string? Message, string FileName, string ImportedBy, DateTimeOffset ImportedAt, int Created, int Updated, int Unchanged, int Skipped, bool HasErrorReport)
{
    public static ImportStatus Of(PeopleImport import)
    {
        ArgumentNullException.ThrowIfNull(import);
        return new ImportStatus(import.Id, import.State.ToString(), import.State.IsFinished(), import.Message, import.FileName, import.ImportedByName, import.ImportedAt.ToDateTimeOffset(),
            import.Created, import.Updated, import.Unchanged, import.Skipped, import.ErrorReport is not null);
    }
}

public sealed record ApiBulkPair(int Line, int? SourceUserId, string Source, int? TargetUserId, string Target, int RowsMoved, int TargetRowsDeleted, IReadOnlyList<ApiRowError> Errors);

/// <summary>R-BLK-3, R-BLK-4 through the API: every pair with its errors and impact, nothing started.</summary>
public sealed record BulkDryRun(bool DryRun, bool CanRun, int PairCount, int ErrorCount, int IgnoredRows, IReadOnlyList<ApiRowError> FileProblems, IReadOnlyList<ApiBulkPair> Pairs)
{
    /// <param name="earlierInWords">R-TRF-6: a source's earlier transfer in words (when, to whom, by whom).</param>
    public static BulkDryRun Of(BulkPlan plan, Func<EarlierTransfer, string> earlierInWords)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new BulkDryRun(
            true,
            plan.CanRun,
            plan.Pairs.Count,
            plan.ErrorCount,
            plan.IgnoredRows,
            plan.FileProblems.Select(ApiRowError.Of).ToList(),
            plan.ErrorsFirst.Select(p => new ApiBulkPair(p.Line, p.SourceUserId, p.SourceLabel, p.TargetUserId, p.TargetLabel, p.RowsMoved, p.TargetRowsDeleted, plan.ProblemsOf(p, earlierInWords).Select(ApiRowError.Of).ToList())).ToList());
    }
}

public sealed record TransferStarted(int Id, string Status);

public sealed record ApiDataTypeCount(string DataType, int RowsMoved, int TargetRowsDeleted);

public sealed record ApiAuditEntry(int Pair, int SourceUserId, string Source, int TargetUserId, string Target, TransferPairState State, string? Error, DateTimeOffset? CompletedAt, IReadOnlyList<ApiDataTypeCount> DataTypes);

/// <summary>R-BLK-6 status with the R-BLK-7 audit log: every pair, its outcome and its rows per data type.</summary>
public sealed record TransferStatus(
    int Id,
    TransferKind Kind,
    TransferRunState State,
    int Total,
    int Done,
    int Failed,
    DateTimeOffset RequestedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    IReadOnlyList<ApiAuditEntry> AuditLog)
{
    public static TransferStatus Of(TransferRunStatus status, IReadOnlyList<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(entries);
        return new TransferStatus(
            status.Id, status.Kind, status.State, status.Total, status.Done, status.Failed,
            status.RequestedAt.ToDateTimeOffset(), status.StartedAt?.ToDateTimeOffset(), status.FinishedAt?.ToDateTimeOffset(),
            entries.Select(e => new ApiAuditEntry(
                e.Pair.Position, e.Pair.SourceUserId, e.Pair.SourceLabel, e.Pair.TargetUserId, e.Pair.TargetLabel, e.Pair.State, e.Pair.Error, e.Pair.CompletedAt?.ToDateTimeOffset(),
                e.Counts.Select(c => new ApiDataTypeCount(TransferCatalogue.Find(c.DataTypeKey)?.Name ?? c.DataTypeKey, c.RowsMoved, c.TargetRowsDeleted)).ToList())).ToList());
    }
}
