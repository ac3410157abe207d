using System.Text;
using CsvHelper;
using UserAdmin.Core.Csv;

namespace UserAdmin.Core.People.Import;

/// <summary>
/// R-IMP-7: the invalid rows exactly as uploaded, with an added Error column, so the administrator
/// can fix them and re-upload only those rows.
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

        var text = new StringBuilder();
        using (var writer = new StringWriter(text))
        using (var csv = new CsvWriter(writer, PeopleCsvExport.CsvSettings()))
        {
            foreach (var header in headers.Append(ErrorColumn))
            {
                csv.WriteField(header);
            }

            csv.NextRecord();
            foreach (var row in invalid)
            {
                foreach (var value in row.RawValues.Take(headers.Count))
                {
                    csv.WriteField(CsvFormulaGuard.Neutralise(CsvFormulaGuard.Restore(value)));
                }

                for (var i = row.RawValues.Length; i < headers.Count; i++)
                {
                    csv.WriteField("");
                }

                csv.WriteField(CsvFormulaGuard.Neutralise(string.Join(" | ", row.Problems.Select(p => p.ToString()))));
                csv.NextRecord();
            }
        }

        return text.ToString();
    }
}
