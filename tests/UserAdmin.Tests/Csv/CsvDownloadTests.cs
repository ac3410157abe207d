using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using UserAdmin.Core.Csv;

namespace UserAdmin.Tests.Csv;

/// <summary>
/// R-EXP-2 (RFC 4180 quoting, CRLF, UTF-8 with BOM), R-EXP-4 and R-SEC-9 (the formula guard) straight on
/// <see cref="CsvDownload"/>, the one writer of every download, which appends the cells itself (ADR-0018).
/// </summary>
public sealed class CsvDownloadTests
{
    public static TheoryData<string?, string> Cells => new()
    {
        // the cell, as the file shows it
        { "plain", "plain" },
        { "", "" },
        { null, "" },
        { "a,b", "\"a,b\"" },
        { "say \"hi\"", "\"say \"\"hi\"\"\"" },
        { "\"", "\"\"\"\"" },
        { "two\r\nlines", "\"two\r\nlines\"" },
        { "line\nfeed", "\"line\nfeed\"" },
        { "carriage\rreturn", "\"carriage\rreturn\"" },
        { " leading", "\" leading\"" },
        { "trailing ", "\"trailing \"" },
        { "\u00A0no-break space", "\"\u00A0no-break space\"" },
        { "=1+1", "'=1+1" },
        { "+49 30 1234", "'+49 30 1234" },
        { "-5", "'-5" },
        { "-", "'-" },
        { "@SUM(A1)", "'@SUM(A1)" },
        { "\tx", "'\tx" },
        { "\tx\t", "\"'\tx\t\"" },
        { "\rx", "\"'\rx\"" },
        { "\nx", "\"'\nx\"" },
        { "\uFF1D1+1", "'\uFF1D1+1" },
        { "\uFF0B49", "'\uFF0B49" },
        { "\uFF0D10", "'\uFF0D10" },
        { "\uFF20SUM(A1)", "'\uFF20SUM(A1)" },
        { "'=x", "''=x" },
        { "'", "'" },
        { "a'b", "a'b" },
        { "=HYPERLINK(\"http://evil.example\",\"x\")", "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"" },
        { " =x", "\" =x\"" },
        { "a=b", "a=b" },
        { "José Müller", "José Müller" },
        { "日本語の名前", "日本語の名前" },
        { "Åsa,Øre", "\"Åsa,Øre\"" },
        { "emoji 🎉", "emoji 🎉" },
    };

    [Theory] // R-EXP-2, R-EXP-4, R-SEC-9
    [MemberData(nameof(Cells))]
    public void Each_cell_is_written_quoted_and_guarded_as_a_spreadsheet_must_read_it(string? cell, string written)
    {
        var text = CsvDownload.Text(["Header"], download => download.WriteRow([cell, "next"]));

        Assert.Equal($"Header\r\n{written},next\r\n", text);
    }

    public static TheoryData<string?> Values => new(Cells.Select(row => (string?)row[0]));

    [Theory] // R-EXP-4, R-SEC-9: what a CSV reader reads back, the guard's apostrophe removed, is the value written
    [MemberData(nameof(Values))]
    public void Each_cell_reads_back_as_the_value_written(string? cell)
    {
        var text = CsvDownload.Text(["Header"], download => download.WriteRow([cell]));
        using var reader = new CsvReader(new StringReader(text), new CsvConfiguration(CultureInfo.InvariantCulture) { IgnoreBlankLines = false });
        reader.Read();
        reader.ReadHeader();

        Assert.True(reader.Read());
        Assert.Equal(cell ?? "", CsvFormulaGuard.Restore(reader.GetField(0)!));
    }

    private static readonly string[] Starts = ["", " ", "\t", "'", "''", "=", "\uFF1D", "-", "@", "\u00A0", "\r", "é"];
    private static readonly string[] Middles = ["", "a", ",", "\"", "\"\"", "\r\n", "\n", "'=", "日本"];
    private static readonly string[] Ends = ["", " ", "\t", "x", "\"", ","];

    [Fact] // R-EXP-2, R-EXP-4: every combination of start, middle and end is written exactly as CsvHelper's writer with the app's former settings wrote it, so files stay byte for byte the same
    public void Every_combination_of_characters_is_written_as_the_former_writer_wrote_it()
    {
        var cells = (from start in Starts from middle in Middles from end in Ends select start + middle + end).ToList();

        var ours = CsvDownload.Text(["A", "B"], download =>
        {
            foreach (var cell in cells)
            {
                download.WriteRow([cell, cell]);
            }
        });

        Assert.Equal(FormerWriter(["A", "B"], cells.Select(cell => new[] { cell, cell })), ours);
    }

    [Fact] // R-EXP-2: the row of an array and the row of any sequence are the same text (one implementation)
    public void A_row_from_an_array_and_from_a_sequence_are_the_same_text()
    {
        string[] cells = ["=x", "a,b", " y", "plain", ""];

        var fromArray = CsvDownload.Text(["h"], download => download.WriteRow(cells));
        var fromSequence = CsvDownload.Text(["h"], download => download.WriteRow(cells.Select(c => c)));

        Assert.Equal(fromArray, fromSequence);
    }

    [Fact] // R-EXP-2, R-EXP-3: a streamed download is the BOM and then the same UTF-8 text, however many pages it is sent in
    public async Task A_streamed_download_is_the_bom_and_the_same_text_page_after_page()
    {
        var rows = Enumerable.Range(0, 5000).Select(i => new[] { i.ToString(CultureInfo.InvariantCulture), "=Zoë, \"quoted\"", "日本" }).ToList();
        using var output = new MemoryStream();
        var download = CsvDownload.To(output, ["Id", "Name", "Text"]);
        await using (download)
        {
            foreach (var row in rows)
            {
                await download.WriteRowAsync(row);
            }
        }

        var text = CsvDownload.Text(["Id", "Name", "Text"], kept => rows.ForEach(row => kept.WriteRow(row)));
        Assert.Equal(CsvDownload.Bytes(text), output.ToArray());
        Assert.Equal([0xEF, 0xBB, 0xBF], output.ToArray().Take(3));
    }

    /// <summary>The configuration CsvDownload used with CsvHelper's writer before ADR-0018, kept here as the reference the new writer must match.</summary>
    private static string FormerWriter(IEnumerable<string> header, IEnumerable<string[]> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = ",",
            NewLine = "\r\n",
            InjectionOptions = InjectionOptions.None,
            ShouldQuote = args => args.Field is { Length: > 0 } field
                && (field.AsSpan().IndexOfAny(",\"\r\n") >= 0 || char.IsWhiteSpace(field[0]) || char.IsWhiteSpace(field[^1])),
        }))
        {
            foreach (var row in rows.Prepend(header.ToArray()))
            {
                foreach (var cell in row)
                {
                    csv.WriteField(CsvFormulaGuard.Neutralise(cell));
                }

                csv.NextRecord();
            }
        }

        return text.ToString();
    }
}
