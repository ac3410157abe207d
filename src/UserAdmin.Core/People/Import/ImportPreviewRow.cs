using System.Text.Json;
using System.Text.Json.Serialization;
using UserAdmin.Core.Csv;

namespace UserAdmin.Core.People.Import;

/// <summary>Which list of the preview a stored row belongs to (R-IMP-7).</summary>
public enum PreviewSection
{
    Changes,
    Errors,
    Activations,
}

/// <summary>
/// One row of a stored preview (R-IMP-11): a change, an error or an activation, numbered within its
/// section so that any app instance can serve any page of it straight from the database.
/// </summary>
public class ImportPreviewRow
{
    public Guid UploadId { get; set; }

    public PreviewSection Section { get; set; }

    /// <summary>0, 1, 2… within the section, in file order: a page is a range of these.</summary>
    public int Ordinal { get; set; }

    public int? Line { get; set; }

    public int? UserId { get; set; }

    public string Name { get; set; } = "";

    public PlannedRowKind Kind { get; set; }

    /// <summary>The section's details as JSON: the field changes or new values, the error, or the activation.</summary>
    public string Detail { get; set; } = "";
}

/// <summary>A stored change, error or activation, read back for a page of the preview.</summary>
public sealed record PreviewItem(int? Line, int? UserId, string Name, PlannedRowKind Kind, IReadOnlyList<FieldChange> Changes, CsvProblem? Problem, ActivationChange Activation)
{
    // Defaults (an empty old value, no clearing) are left out: most stored rows are new users, whose values have no old side.
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault };

    /// <summary>The stored rows of some planned rows, numbered on from <paramref name="numbering"/> in file order within each section.</summary>
    internal static List<ImportPreviewRow> RowsOf(Guid uploadId, IEnumerable<PlannedRow> rows, PreviewNumbering numbering)
    {
        var stored = new List<ImportPreviewRow>();
        foreach (var r in rows)
        {
            if (r.Kind is PlannedRowKind.New or PlannedRowKind.Updated)
            {
                stored.Add(new ImportPreviewRow
                {
                    UploadId = uploadId, Section = PreviewSection.Changes, Ordinal = numbering.Changes++, Line = r.Line, UserId = r.UserId, Name = Short(r.Name), Kind = r.Kind,
                    Detail = JsonSerializer.Serialize(r.Kind == PlannedRowKind.New ? NewValues(r) : r.Changes, Json),
                });
            }

            stored.AddRange(r.Problems.Select(p => new ImportPreviewRow
            {
                UploadId = uploadId, Section = PreviewSection.Errors, Ordinal = numbering.Errors++, Line = p.Line, Kind = PlannedRowKind.Invalid,
                Detail = JsonSerializer.Serialize(p, Json),
            }));
            if (r.Kind != PlannedRowKind.Invalid && r.Activation != ActivationChange.None)
            {
                stored.Add(new ImportPreviewRow
                {
                    UploadId = uploadId, Section = PreviewSection.Activations, Ordinal = numbering.Activations++, Line = r.Line, UserId = r.UserId, Name = Short(r.Name), Kind = r.Kind,
                    Detail = JsonSerializer.Serialize(r.Activation, Json),
                });
            }
        }

        return stored;
    }

    internal static PreviewItem Of(ImportPreviewRow row) => row.Section switch
    {
        PreviewSection.Changes => new(row.Line, row.UserId, row.Name, row.Kind, JsonSerializer.Deserialize<List<FieldChange>>(row.Detail, Json) ?? [], null, ActivationChange.None),
        PreviewSection.Errors => new(row.Line, row.UserId, row.Name, row.Kind, [], JsonSerializer.Deserialize<CsvProblem>(row.Detail, Json), ActivationChange.None),
        _ => new(row.Line, row.UserId, row.Name, row.Kind, [], null, JsonSerializer.Deserialize<ActivationChange>(row.Detail, Json)),
    };

    private static string Short(string name) => name.Length > 300 ? name[..300] : name;

    /// <summary>A new user's values, as changes from nothing: the page lists the fields that have one.</summary>
    private static List<FieldChange> NewValues(PlannedRow row) =>
        PersonFields.All
            .Where(f => row.Values![f.Field] is not null && row.Values[f.Field] != PersonRecord.False)
            .Select(f => new FieldChange(f.Field, null, row.Values![f.Field]))
            .ToList();
}

/// <summary>The next ordinal of each section while a preview is stored chunk by chunk.</summary>
internal sealed class PreviewNumbering
{
    public int Changes { get; set; }

    public int Errors { get; set; }

    public int Activations { get; set; }
}

/// <summary>The preview's counts and file-wide findings, stored with the upload beside its rows (R-IMP-11).</summary>
public sealed record PreviewSummary(
    IReadOnlyList<CsvProblem> BlockingProblems,
    IReadOnlyList<string> Notices,
    int New,
    int Updated,
    int Unchanged,
    int Invalid,
    int Errors,
    int Activations,
    IReadOnlyList<FieldClearing> Clearings)
{
    private static readonly JsonSerializerOptions Json = new();

    /// <summary>R-IMP-13: the cells that look changed by a spreadsheet.</summary>
    public SpreadsheetDamageReport Damage { get; init; } = SpreadsheetDamageReport.None;

    public bool IsBlocked => BlockingProblems.Count > 0;

    public int Writes => New + Updated;

    public int ValidRows => New + Updated + Unchanged;

    public int CountOf(PreviewSection section) => section switch
    {
        PreviewSection.Changes => Writes,
        PreviewSection.Errors => Errors,
        _ => Activations,
    };

    internal static PreviewSummary Of(ImportPlan plan) => Of(plan.BlockingProblems, plan.Notices, PlanTally.Of(plan.Rows), plan.Damage);

    internal static PreviewSummary Of(ImportPlanOutline plan) => Of(plan.BlockingProblems, plan.Notices, plan.Tally, plan.Damage);

    private static PreviewSummary Of(IReadOnlyList<CsvProblem> blocking, IReadOnlyList<string> notices, PlanTally tally, SpreadsheetDamageReport damage) => new(
        blocking, notices, tally.New, tally.Updated, tally.Unchanged, tally.Invalid, tally.Errors, tally.Activations,
        tally.Clearings().Select(c => new FieldClearing(c.Field, c.Users)).ToList())
    {
        Damage = damage,
    };

    internal string ToJson() => JsonSerializer.Serialize(this, Json);

    internal static PreviewSummary FromJson(string json) => JsonSerializer.Deserialize<PreviewSummary>(json, Json) ?? throw new JsonException("Empty preview summary.");
}

public sealed record FieldClearing(PersonField Field, int Users);
