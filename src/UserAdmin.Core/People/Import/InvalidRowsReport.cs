using UserAdmin.Core.Csv;

namespace UserAdmin.Core.People.Import;

/// <summary>
/// R-IMP-7: the invalid rows exactly as uploaded, with an added Error column, so the administrator
/// can fix them and re-upload only those rows. Written chunk by chunk as a plan streams (R-IMP-11), kept as
/// text with the import (its error report) and sent as a <see cref="CsvDownload"/>.
/// </summary>
public sealed class InvalidRowsReport(IReadOnlyList<string> headers) : IDisposable
{
    public const string ErrorColumn = "Error";

    private readonly IReadOnlyList<string> _headers = headers ?? throw new ArgumentNullException(nameof(headers));
    private CsvDownload? _download;

    public static string? Write(IReadOnlyList<string> headers, ImportPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        using var report = new InvalidRowsReport(headers);
        report.Add(plan.Rows);
        return report.Text();
    }

    public void Add(IEnumerable<PlannedRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows.Where(r => r.Kind == PlannedRowKind.Invalid))
        {
            _download ??= CsvDownload.InMemory(_headers.Append(ErrorColumn));

            // The cells as uploaded: Restore takes off the guard's apostrophe that the download puts back.
            var cells = row.RawValues.Take(_headers.Count).Select(CsvFormulaGuard.Restore)
                .Concat(Enumerable.Repeat("", Math.Max(0, _headers.Count - row.RawValues.Length)))
                .Append(string.Join(" | ", row.Problems.Select(p => p.ToString())));
            _download.WriteRow(cells);
        }
    }

    /// <summary>The report, or null when no row is invalid.</summary>
    public string? Text() => _download?.KeptText();

    public void Dispose() => _download?.Dispose();
}
