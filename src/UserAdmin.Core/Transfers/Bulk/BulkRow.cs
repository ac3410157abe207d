using System.Globalization;
using UserAdmin.Core.Csv;
using UserAdmin.Core.People.Import;

namespace UserAdmin.Core.Transfers.Bulk;

/// <summary>One row of a bulk file with a To User ID, as read (R-BLK-2): the row's user is the target, To User ID the source.</summary>
internal sealed class BulkRow(int line, string targetText, string sourceText, string email, string login)
{
    public int Line { get; } = line;

    public string TargetText { get; } = targetText;

    public string SourceText { get; } = sourceText;

    /// <summary>The row's Email and Login as in the file (empty when the file has no such column).</summary>
    public string Email { get; } = email;

    public string Login { get; } = login;

    public int? Source { get; set; }

    public int? Target { get; set; }

    public List<CsvProblem> Errors { get; } = [];

    public static (List<BulkRow> Rows, int Ignored) Read(CsvDocument document)
    {
        var email = Column(document, "Email");
        var login = Column(document, "Login");
        var rows = new List<BulkRow>();
        var ignored = 0;
        foreach (var record in document.Rows())
        {
            var fromText = Cell(record, 0);
            var toText = Cell(record, 1);
            if (toText.Length == 0)
            {
                ignored++;
                continue;
            }

            var row = new BulkRow(record.Line, fromText, toText, Cell(record, email), Cell(record, login));
            row.Target = row.ReadId(BulkTransferExport.FromHeader, fromText, "From User ID is blank: it is the row's own user and must not be edited.");
            row.Source = row.ReadId(BulkTransferExport.ToHeader, toText, null);
            rows.Add(row);
        }

        return (rows, ignored);
    }

    private static int Column(CsvDocument document, string header) =>
        document.Headers.Select((h, i) => (h, i)).Where(c => c.i >= 2 && ImportMapping.Normalise(c.h) == ImportMapping.Normalise(header)).Select(c => c.i).DefaultIfEmpty(-1).First();

    private static string Cell(CsvRecord record, int index) => index < 0 ? "" : record.Values.ElementAtOrDefault(index)?.Trim() ?? "";

    private int? ReadId(string column, string text, string? blankMessage)
    {
        if (text.Length == 0)
        {
            Errors.Add(new CsvProblem(Line, column, text, blankMessage!));
            return null;
        }

        // Spreadsheets may turn 19 into 19.0 (or 19,0 where the comma is the decimal mark); nothing else is accepted.
        var digits = text.EndsWith(".0", StringComparison.Ordinal) || text.EndsWith(",0", StringComparison.Ordinal) ? text[..^2] : text;
        if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            return id;
        }

        Errors.Add(new CsvProblem(Line, column, text, $"\"{text}\" is not a user id: expected the number of a user, such as 19."));
        return null;
    }
}
