using System.Globalization;
using UserAdmin.Core.Csv;
using UserAdmin.Core.People;
using UserAdmin.Core.People.Import;
using UserAdmin.Core.Uploads;

namespace UserAdmin.Web.Features.People;

public sealed record UploadModel(UploadLimits Limits, IReadOnlyList<CsvProblem> Problems);

/// <summary>One row of the map step: a system field, its column and (for dates) its format.</summary>
public sealed record MapRow(PersonFieldInfo Field, string? Column, DateFormat DateFormat, bool IsFlagged);

public sealed record MapModel(
    Upload Upload,
    IReadOnlyList<string> Headers,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Samples,
    IReadOnlyList<MapRow> Rows,
    IReadOnlyList<CsvProblem> Problems)
{
    public const string ColumnPrefix = "column.";
    public const string FormatPrefix = "format.";

    /// <summary>Saved mappings, those whose every column is in this file first (R-MAP-2).</summary>
    public IReadOnlyList<SavedMappingChoice> SavedMappings { get; init; } = [];

    /// <summary>The saved mapping that filled the form, if any.</summary>
    public string? AppliedMappingName { get; init; }

    public string? MappingName { get; init; }

    /// <summary>Set when the name is taken: the page asks before replacing (R-MAP-1).</summary>
    public bool AskToReplace { get; init; }

    public string? Notice { get; init; }

    /// <summary>R-IMP-12: what each mapped date column's format (or detect) reads, shown before the preview.</summary>
    public IReadOnlyDictionary<PersonField, DateColumnDetection> DateDetections { get; init; } = new Dictionary<PersonField, DateColumnDetection>();

    /// <summary>Columns of the file that no field uses.</summary>
    public IEnumerable<string> UnusedColumns => Headers.Where(h => !Rows.Any(r => r.Column == h));

    public static MapModel For(Upload upload, ImportMapping mapping, IReadOnlyList<CsvProblem> problems, IReadOnlySet<PersonField>? flagged = null)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(mapping);
        var columns = upload.Columns();
        var rows = PersonFields.All
            .Select(f => new MapRow(f, mapping.ColumnOf(f.Field), mapping.DateFormatOf(f.Field), flagged?.Contains(f.Field) ?? false))
            .ToList();
        return new MapModel(upload, columns.Select(c => c.Header).ToList(), columns.ToDictionary(c => c.Header, c => c.Samples), rows, problems);
    }

    /// <summary>The posted mapping; <paramref name="problems"/> names a date format that is not one of those offered (a hand-made post).</summary>
    public static ImportMapping ReadForm(IFormCollection form, out IReadOnlyList<CsvProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(form);
        var refused = new List<CsvProblem>();
        problems = refused;
        var columns = new Dictionary<PersonField, string>();
        var formats = new Dictionary<PersonField, DateFormat>();
        foreach (var field in PersonFields.All)
        {
            if (form[ColumnPrefix + field.Field].ToString() is { Length: > 0 } column)
            {
                columns[field.Field] = column;
            }

            if (field.IsDate)
            {
                var posted = form[FormatPrefix + field.Field].ToString();
                if (posted.Length == 0)
                {
                    formats[field.Field] = DateFormat.Detect;
                }
                else if (DateFormats.TryParsePattern(posted, out var format))
                {
                    formats[field.Field] = format;
                }
                else
                {
                    var offered = string.Join(", ", DateFormats.Concrete.Append(DateFormat.Detect).Select(f => f.Pattern()));
                    refused.Add(CsvProblem.OfFile($"The date format \"{(posted.Length > 40 ? posted[..40] + "..." : posted)}\" chosen for {field.Header} is not one of the offered formats ({offered}). Choose one from the list."));
                }
            }
        }

        return new ImportMapping(columns, formats);
    }
}

public sealed record SavedMappingChoice(int Id, string Name, bool FitsThisFile);

/// <summary>The preview page (R-IMP-7): the stored summary, one page of changes or errors, and the first activations.</summary>
public sealed record PreviewModel(ImportDraft Draft, PreviewSummary Summary, PreviewSection Section, int Page, IReadOnlyList<PreviewItem> Items, IReadOnlyList<PreviewItem> Activations)
{
    public Upload Upload => Draft.Upload;

    public const int PageSize = 50;
    public const int ActivationsShown = 200;

    /// <summary>Set when the preview is of a revert (R-UNDO-2) rather than of an uploaded file.</summary>
    public RevertPreviewModel? Revert { get; init; }

    public int PageCount => PageCountOf(Summary.CountOf(Section));

    public static int Clamp(int page, int items) => Math.Clamp(page, 1, PageCountOf(items));

    private static int PageCountOf(int items) => Math.Max(1, (items + PageSize - 1) / PageSize);
}

/// <summary>R-UNDO-2: what the preview page adds for a revert: the import it undoes, its draft, and why it cannot run, if it cannot.</summary>
public sealed record RevertPreviewModel(UserAdmin.Core.People.Import.PeopleImport Import, UserAdmin.Core.People.Revert.RevertDraftView Draft, string? CannotRevert);

/// <summary>R-UNDO-2: an import that cannot be reverted, and why.</summary>
public sealed record RevertRefusedModel(UserAdmin.Core.People.Import.PeopleImport Import, string Reason);
