using System.Text;
using CsvHelper;
using UserAdmin.Core.Csv;

namespace UserAdmin.Core.People.Import;

/// <summary>
/// R-IMP-7: the invalid rows exactly as uploaded, with an added Error column, so the administrator
/// can fix them and re-upload only those rows. Written chunk by chunk as a plan streams (R-IMP-11).
/// </summary>
public sealed class InvalidRowsReport : IDisposable
{
    public const string ErrorColumn = "Error";

    private readonly IReadOnlyList<string> _headers;
    private readonly StringBuilder _text = new();
    private readonly StringWriter _writer;
    private readonly CsvWriter _csv;
    private bool _any;

    public InvalidRowsReport(IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        _headers = headers;
        _writer = new StringWriter(_text);
        _csv = new CsvWriter(_writer, PeopleCsvExport.CsvSettings());
    }

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
            if (!_any)
            {
                foreach (var header in _headers.Append(ErrorColumn))
                {
                    _csv.WriteField(header);
                }

                _csv.NextRecord();
                _any = true;
            }

            foreach (var value in row.RawValues.Take(_headers.Count))
            {
                _csv.WriteField(CsvFormulaGuard.Neutralise(CsvFormulaGuard.Restore(value)));
            }

            for (var i = row.RawValues.Length; i < _headers.Count; i++)
            {
                _csv.WriteField("");
            }

            _csv.WriteField(CsvFormulaGuard.Neutralise(string.Join(" | ", row.Problems.Select(p => p.ToString()))));
            _csv.NextRecord();
        }
    }

    /// <summary>The report, or null when no row is invalid.</summary>
    public string? Text()
    {
        _csv.Flush();
        return _any ? _text.ToString() : null;
    }

    public void Dispose()
    {
        _csv.Dispose();
        _writer.Dispose();
    }
}
