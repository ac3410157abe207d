using System.Text;
using UserAdmin.Core.Csv;

namespace UserAdmin.Tests.Csv;

/// <summary>R-IMP-1, R-IMP-12, R-IMP-6 straight on <see cref="CsvDocument.Open"/>: encodings, delimiters, refusals and rows, no HTTP.</summary>
public sealed class CsvDocumentTests
{
    private static byte[] Utf8(string text, bool bom = true) =>
        [.. (bom ? Encoding.UTF8.GetPreamble() : []), .. Encoding.UTF8.GetBytes(text)];

    public static TheoryData<string, char, int, string> Opened => new()
    {
        // file, delimiter detected, data rows, first header
        { "User ID,Email\r\n0,a@example.com\r\n", ',', 1, "User ID" },
        { "User ID;Email\r\n0;a@example.com\r\n\r\n\r\n", ';', 1, "User ID" },
        { "User ID\tEmail\n0\ta@example.com\n0\tb@example.com\n", '\t', 2, "User ID" },
        { "Email\r\na@example.com\r\n", ',', 1, "Email" },
        { "\"User ID\",\"Email\"\r\n0,\"two\r\nlines@example.com\"\r\n", ',', 1, "User ID" },
        { "ï»¿User ID,Email\r\n0,a@example.com\r\n", ',', 1, "ï»¿User ID" },
    };

    [Theory] // R-IMP-1: the delimiter is read from the header line; blank trailing lines are ignored
    [MemberData(nameof(Opened))]
    public void A_readable_file_opens_with_its_delimiter_and_rows(string text, char delimiter, int rows, string firstHeader)
    {
        var opened = CsvDocument.Open(Utf8(text), maxRows: 100);

        Assert.Empty(opened.Problems);
        Assert.Equal(delimiter, opened.Document!.Format.Delimiter);
        Assert.Equal(rows, opened.Document.RowCount);
        Assert.Equal(firstHeader, opened.Document.Headers[0]);
    }

    public static TheoryData<string, string> Refused => new()
    {
        // file, start of the message
        { "User ID|First Name|Email\r\n0|Ann|a@example.com\r\n", "the header row is one column, \"User ID|First Name|Email\", which seems to be separated by pipe (|) characters." },
        { "User ID:First Name:Email\r\n0:Ann:a@example.com\r\n", "the header row is one column, \"User ID:First Name:Email\", which seems to be separated by colon (:) characters." },
        { "a|b:c:d\r\n1|2:3:4\r\n", "the header row is one column, \"a|b:c:d\", which seems to be separated by colon (:) characters." },
        { "User ID,Email\r\n", "The file has a header row but no data rows." },
        { "User ID,Email,email\r\n0,a,b\r\n", "columns 2 and 3 are both named \"email\"." },
        { "", "The file is empty." },
    };

    [Theory] // R-IMP-1, R-IMP-12: files refused at upload, with what is wrong
    [MemberData(nameof(Refused))]
    public void An_unreadable_file_is_refused_with_its_reason(string text, string message)
    {
        var opened = CsvDocument.Open(Utf8(text, bom: text.Length > 0), maxRows: 100);

        Assert.Null(opened.Document);
        Assert.StartsWith(message, Assert.Single(opened.Problems).Message, StringComparison.Ordinal);
    }

    [Fact] // R-IMP-1: more rows than the limit is refused before anything is kept
    public void More_rows_than_the_limit_are_refused()
    {
        var opened = CsvDocument.Open(Utf8("Email\r\na@x.com\r\nb@x.com\r\nc@x.com\r\n"), maxRows: 2);

        Assert.StartsWith("The file has more than 2 data rows", Assert.Single(opened.Problems).Message, StringComparison.Ordinal);
    }

    [Fact] // R-IMP-6: a record keeps the line it starts on and the spreadsheet row it shows on, which differ below a quoted line break
    public void Rows_know_their_line_and_their_spreadsheet_row()
    {
        var text = "Email,Note\r\na@x.com,\"one\r\ntwo\r\nthree\"\r\n\r\nb@x.com,plain\r\nc@x.com,\"x\ny\"\r\nd@x.com,last\r\n";
        var document = CsvDocument.Open(Utf8(text), maxRows: 100).Document!;

        var rows = document.Rows().Select(r => (r.Values[0], r.Line, r.SheetRow)).ToList();

        Assert.Equal([("a@x.com", 2, 2), ("b@x.com", 6, 4), ("c@x.com", 7, 5), ("d@x.com", 9, 6)], rows);
    }

    [Fact] // R-IMP-6: a problem names the spreadsheet row beside the line only when they differ
    public void A_problem_names_the_spreadsheet_row_beside_the_line_when_they_differ()
    {
        Assert.Equal("Line 6 (spreadsheet row 4), column \"Email\": bad", new CsvProblem(6, "Email", "x", "bad") { SheetRow = 4 }.ToString());
        Assert.Equal("Line 6, column \"Email\": bad", new CsvProblem(6, "Email", "x", "bad") { SheetRow = 6 }.ToString());
        Assert.Equal("Line 6: bad", new CsvProblem(6, null, null, "bad").ToString());
    }
}
