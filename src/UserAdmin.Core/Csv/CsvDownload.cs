using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace UserAdmin.Core.Csv;

/// <summary>
/// The one writer of every CSV the app hands out (people.csv, the bulk transfer file of all users, the
/// failed pairs, the audit logs, the invalid rows report): UTF-8 with BOM so that Excel reads it as
/// UTF-8, CRLF and RFC 4180 quoting (R-EXP-2), the header first, and every cell through the formula
/// guard (R-EXP-4, R-SEC-9). Rows are formatted in memory, synchronously, and reach the output in one
/// asynchronous write per page: an await per record costs more than formatting the record.
/// </summary>
public sealed class CsvDownload : IAsyncDisposable, IDisposable
{
    /// <summary>UTF-8 with a byte-order mark: without it Excel reads the file in the locale's code page.</summary>
    public static readonly Encoding Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    /// <summary>Past this many characters a row written with <see cref="WriteRowAsync"/> sends the page on.</summary>
    private const int PageCharacters = 64 * 1024;

    private readonly StringWriter _page = new(CultureInfo.InvariantCulture);
    private readonly CsvWriter _csv;
    private readonly StreamWriter? _output;

    private CsvDownload(StreamWriter? output, IEnumerable<string> header)
    {
        _output = output;
        _csv = new CsvWriter(_page, Settings());
        WriteRow(header);
    }

    /// <summary>
    /// CsvHelper's own injection escaping stays off: <see cref="CsvFormulaGuard"/> is the one guard, the
    /// one the import reverses. A field is quoted when it holds the delimiter, a quote or a line break, or
    /// starts or ends with white space, which a spreadsheet or a reader that trims would lose.
    /// </summary>
    private static CsvConfiguration Settings() => new(CultureInfo.InvariantCulture)
    {
        Delimiter = ",",
        NewLine = "\r\n",
        InjectionOptions = InjectionOptions.None,
        ShouldQuote = args => args.Field is { Length: > 0 } text
            && (text.AsSpan().IndexOfAny(",\"\r\n") >= 0 || char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])),
    };

    /// <summary>A download written to <paramref name="output"/> (left open), starting with <paramref name="header"/>.</summary>
    public static CsvDownload To(Stream output, IEnumerable<string> header) =>
        new(new StreamWriter(output, Encoding, bufferSize: 64 * 1024, leaveOpen: true), header);

    /// <summary>A download kept as text (stored with an import and sent later with <see cref="Bytes"/>), without the BOM.</summary>
    public static string Text(IEnumerable<string> header, Action<CsvDownload> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var download = InMemory(header);
        rows(download);
        return download.KeptText();
    }

    /// <summary>A download kept as text and written a few rows at a time (a report built as a plan streams); read it with <see cref="KeptText"/>.</summary>
    public static CsvDownload InMemory(IEnumerable<string> header) => new(null, header);

    /// <summary>What an <see cref="InMemory"/> download holds so far, without the BOM.</summary>
    public string KeptText()
    {
        _csv.Flush();
        return _page.ToString();
    }

    /// <summary>A download kept as <see cref="Text"/>, as the bytes sent: the BOM, then UTF-8.</summary>
    public static byte[] Bytes(string text) => [.. Encoding.GetPreamble(), .. Encoding.GetBytes(text)];

    /// <summary>One row, each cell neutralised when a spreadsheet would run it as a formula.</summary>
    public void WriteRow(IEnumerable<string> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        foreach (var cell in cells)
        {
            _csv.WriteField(CsvFormulaGuard.Neutralise(cell));
        }

        _csv.NextRecord();
    }

    /// <summary>One row; the page goes to the output once it is large, so memory stays flat however many rows follow.</summary>
    public async Task WriteRowAsync(IEnumerable<string> cells, CancellationToken cancellationToken = default)
    {
        WriteRow(cells);
        if (_page.GetStringBuilder().Length >= PageCharacters)
        {
            await FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends the rows written so far to the output in one write.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        if (_output is null)
        {
            return;
        }

        _csv.Flush();
        await _output.WriteAsync(_page.GetStringBuilder(), cancellationToken).ConfigureAwait(false);
        await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
        _page.GetStringBuilder().Clear();
    }

    /// <summary>For an <see cref="InMemory"/> download. One written to a stream is disposed with <see cref="DisposeAsync"/>, which sends its last page.</summary>
    public void Dispose()
    {
        _csv.Dispose();
        _page.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await FlushAsync().ConfigureAwait(false);
        if (_output is not null)
        {
            await _output.DisposeAsync().ConfigureAwait(false);
        }

        await _csv.DisposeAsync().ConfigureAwait(false);
        await _page.DisposeAsync().ConfigureAwait(false);
    }
}
