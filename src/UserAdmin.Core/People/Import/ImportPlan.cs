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

    /// <summary>R-IMP-5: per field, how many users lose a value (see <see cref="PlanTally"/>).</summary>
    public IReadOnlyList<(PersonField Field, int Users)> Clearings() => PlanTally.Of(Rows).Clearings();

    public IEnumerable<CsvProblem> AllProblems => Rows.SelectMany(r => r.Problems);

    /// <summary>
    /// R-IMP-8: why the file as planned cannot be imported (blocked, invalid rows the administrator did
    /// not choose to leave out, nothing valid), or null when it can. The applier and the API ask the same question.
    /// </summary>
    public string? WhyItCannotBeApplied(bool importValidRowsOnly) => ImportApplier.RefusalOf(PreviewSummary.Of(this), importValidRowsOnly);
}

/// <summary>
/// What a streamed plan (R-IMP-11) leaves once its rows have gone chunk by chunk to the caller: the
/// file-wide findings and the counts of every kind of row.
/// </summary>
public sealed record ImportPlanOutline(
    IReadOnlyList<CsvProblem> BlockingProblems,
    IReadOnlyDictionary<PersonField, DateFormat> DateFormats,
    IReadOnlyList<string> Notices,
    SpreadsheetDamageReport Damage,
    PlanTally Tally)
{
    public static ImportPlanOutline Blocked(IReadOnlyList<CsvProblem> problems) =>
        new(problems, new Dictionary<PersonField, DateFormat>(), [], SpreadsheetDamageReport.None, new PlanTally());

    public bool IsBlocked => BlockingProblems.Count > 0;
}

/// <summary>One chunk of a streamed plan, in file order.</summary>
public sealed class PlannedChunk(IReadOnlyList<PlannedRow> rows, IReadOnlySet<(PersonField, string)> keysGivenUp)
{
    public IReadOnlyList<PlannedRow> Rows { get; } = rows;

    /// <summary>A new user taking an email or login that an updated user of the file gives up: it can only be written after the updates (R-IMP-6).</summary>
    public bool TakesAKeyGivenUp(PlannedRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Values is { } values && ImportRowRules.UniqueKeys.Any(f => values[f] is { } key && keysGivenUp.Contains((f, Users.User.NormalizeKey(key))));
    }
}

/// <summary>The counts of a plan's rows (R-IMP-7) and its clearings per field (R-IMP-5), kept as rows stream past.</summary>
public sealed class PlanTally
{
    private readonly Dictionary<PersonField, int> _clearings = [];

    public int New { get; private set; }

    public int Updated { get; private set; }

    public int Unchanged { get; private set; }

    public int Invalid { get; private set; }

    /// <summary>Every error of every row.</summary>
    public int Errors { get; private set; }

    public int Activations { get; private set; }

    public int Writes => New + Updated;

    public static PlanTally Of(IEnumerable<PlannedRow> rows)
    {
        var tally = new PlanTally();
        tally.Add(rows);
        return tally;
    }

    public void Add(IEnumerable<PlannedRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows)
        {
            Add(row);
        }
    }

    /// <summary>R-IMP-5: per field, how many users lose a value. An emptied Deactivated that activates the user is an activation (R-IMP-13), not a deletion.</summary>
    public IReadOnlyList<(PersonField Field, int Users)> Clearings() =>
        _clearings.OrderBy(c => c.Key).Select(c => (c.Key, c.Value)).ToList();

    private void Add(PlannedRow row)
    {
        switch (row.Kind)
        {
            case PlannedRowKind.New: New++; break;
            case PlannedRowKind.Updated: Updated++; break;
            case PlannedRowKind.Unchanged: Unchanged++; break;
            default: Invalid++; break;
        }

        Errors += row.Problems.Count;
        if (row.Kind != PlannedRowKind.Invalid && row.Activation != ActivationChange.None)
        {
            Activations++;
        }

        if (row.Kind != PlannedRowKind.Updated)
        {
            return;
        }

        foreach (var change in row.Changes.Where(c => c.Clears && !(c.Field == PersonField.Deactivated && row.Activation == ActivationChange.Activated)))
        {
            _clearings[change.Field] = _clearings.GetValueOrDefault(change.Field) + 1;
        }
    }
}
