using UserAdmin.Core.Csv;

namespace UserAdmin.Core.People.Import;

/// <summary>
/// R-IMP-7: the invalid rows exactly as uploaded, with an added Error column, so the administrator
/// can fix them and re-upload only those rows. Kept as text with the import (its error report) and
/// sent as a <see cref="CsvDownload"/>.
/// </summary>
public static class InvalidRowsReport
{
    public const string ErrorColumn = "Error";

    public static string? Write(IReadOnlyList<string> headers, ImportPlan plan)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(plan);
        var invalid = plan.Rows.Where(r => r.Kind == PlannedRowKind.Invalid).ToList();
        if (invalid.Count == 0)
        {
            return null;
        }

        return CsvDownload.Text(headers.Append(ErrorColumn), report =>
        {
            foreach (var row in invalid)
            {
                // The cells as uploaded: Restore takes off the guard's apostrophe that the download puts back.
                var cells = row.RawValues.Take(headers.Count).Select(CsvFormulaGuard.Restore)
                    .Concat(Enumerable.Repeat("", Math.Max(0, headers.Count - row.RawValues.Length)))
                    .Append(string.Join(" | ", row.Problems.Select(p => p.ToString())));
                report.WriteRow(cells);
            }
        });
    }
}
