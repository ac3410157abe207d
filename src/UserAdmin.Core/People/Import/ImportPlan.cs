using System.Globalization;
using UserAdmin.Core.Csv;

namespace UserAdmin.Core.People.Import;

public enum PlannedRowKind
{
    New,
    Updated,
    Unchanged,
    Invalid,
}

/// <summary>R-USR-2 transitions the preview calls out.</summary>
public enum ActivationChange
{
    None,
    Activated,
    Deactivated,
    DeactivationScheduled,
}

public sealed record FieldChange(PersonField Field, string? Old, string? New)
{
    /// <summary>R-IMP-5: a value that the import deletes.</summary>
    public bool Clears => Old is not null && Old != PersonRecord.False && (New is null || New == PersonRecord.False);
}

/// <summary>What the import will do with one row of the file, or why it cannot.</summary>
public sealed record PlannedRow(
    int Line,
    PlannedRowKind Kind,
    int? UserId,
    string Name,
    PersonRecord? Values,
    IReadOnlyList<FieldChange> Changes,
    IReadOnlyList<CsvProblem> Problems,
    ActivationChange Activation,
    Guid? Version,
    string[] RawValues);

/// <summary>
/// The dry run of R-IMP-7: every row's outcome, computed without writing. Blocking problems (a
/// mapping that is incomplete, a permission the file needs) stop the whole import.
/// </summary>
public sealed record ImportPlan(
    IReadOnlyList<CsvProblem> BlockingProblems,
    IReadOnlyList<PlannedRow> Rows,
    IReadOnlyDictionary<PersonField, DateFormat> DateFormats,
    IReadOnlyList<string> Notices)
{
    public static ImportPlan Blocked(IReadOnlyList<CsvProblem> problems) =>
        new(problems, [], new Dictionary<PersonField, DateFormat>(), []);

    /// <summary>R-IMP-13: the cells that look changed by a spreadsheet.</summary>
    public SpreadsheetDamageReport Damage { get; init; } = SpreadsheetDamageReport.None;

    public bool IsBlocked => BlockingProblems.Count > 0;

    public int Count(PlannedRowKind kind) => Rows.Count(r => r.Kind == kind);

    public int ValidRows => Rows.Count(r => r.Kind != PlannedRowKind.Invalid);

    public int Writes => Rows.Count(r => r.Kind is PlannedRowKind.New or PlannedRowKind.Updated);

    /// <summary>R-IMP-5: per field, how many users lose a value. An emptied Deactivated that activates the user is an activation (R-IMP-13), not a deletion.</summary>
    public IReadOnlyList<(PersonField Field, int Users)> Clearings() =>
        Rows.Where(r => r.Kind == PlannedRowKind.Updated)
            .SelectMany(r => r.Changes.Where(c => c.Clears && !(c.Field == PersonField.Deactivated && r.Activation == ActivationChange.Activated)))
            .GroupBy(c => c.Field)
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Count()))
            .ToList();

    public IEnumerable<CsvProblem> AllProblems => Rows.SelectMany(r => r.Problems);

    /// <summary>
    /// R-IMP-8: why the file as planned cannot be imported (blocked, invalid rows the administrator did
    /// not choose to leave out, nothing valid), or null when it can. The applier and the API ask the same question.
    /// </summary>
    public string? WhyItCannotBeApplied(bool importValidRowsOnly) => ImportApplier.RefusalOf(PreviewSummary.Of(this), importValidRowsOnly);
}
