using System.Buffers;
using System.Text;

namespace UserAdmin.Core.Csv;

/// <summary>
/// The one writer of every CSV the app hands out (people.csv, the bulk transfer file of all users, the
/// failed pairs, the audit logs, the invalid rows report): UTF-8 with BOM so that Excel reads it as
/// UTF-8, CRLF and RFC 4180 quoting (R-EXP-2), the header first, and every cell through the formula
/// guard (R-EXP-4, R-SEC-9). Rows are formatted in memory, synchronously, and reach the output in one
/// asynchronous write per page: an await per record costs more than formatting the record. The cells are
/// appended to the page by this class itself, not by CsvHelper's writer (ADR-0018): every cell here is
/// already text, and the per-field type dispatch and copies of a general writer were a tenth of the
/// 100,000-user export (P2).
/// </summary>
public sealed class CsvDownload : IAsyncDisposable, IDisposable
{
    /// <summary>UTF-8 with a byte-order mark: without it Excel reads the file in the locale's code page.</summary>
    public static readonly Encoding Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    /// <summary>Past this many characters a row written with <see cref="WriteRowAsync"/> sends the page on.</summary>
    private const int PageCharacters = 64 * 1024;

    private const char Delimiter = ',';
    private const char Quote = '"';
    private const string NewLine = "\r\n";

    /// <summary>The characters that force a field into quotes wherever they stand (RFC 4180).</summary>
    private static readonly SearchValues<char> MustQuote = SearchValues.Create(",\"\r\n");

    private readonly StringBuilder _page = new();
    private readonly StreamWriter? _output;

    private CsvDownload(StreamWriter? output, IEnumerable<string> header)
    {
        _output = output;
        WriteRow(header);
    }

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
    public string KeptText() => _page.ToString();

    /// <summary>A download kept as <see cref="Text"/>, as the bytes sent: the BOM, then UTF-8.</summary>
    public static byte[] Bytes(string text) => [.. Encoding.GetPreamble(), .. Encoding.GetBytes(text)];

    /// <summary>One row, each cell neutralised when a spreadsheet would run it as a formula.</summary>
    public void WriteRow(IEnumerable<string> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var first = true;
        foreach (var cell in cells)
        {
            WriteCell(cell, first);
            first = false;
        }

        _page.Append(NewLine);
    }

    /// <summary>One row of cells already at hand (people.csv's, one array reused for every user); a null cell is written empty.</summary>
    public void WriteRow(ReadOnlySpan<string?> cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            WriteCell(cells[i], first: i == 0);
        }

        _page.Append(NewLine);
    }

    /// <summary>
    /// R-EXP-4, R-SEC-9: <see cref="CsvFormulaGuard"/> is the one guard, the one the import reverses; its
    /// apostrophe is appended here rather than copied into a new string. R-EXP-2: a field is quoted when it
    /// holds the delimiter, a quote or a line break, or starts or ends with white space, which a
    /// spreadsheet or a reader that trims would lose; a quote inside is doubled.
    /// </summary>
    private void WriteCell(string? value, bool first)
    {
        if (!first)
        {
            _page.Append(Delimiter);
        }

        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        // The apostrophe, when written, is the field's first character: white space at the value's start is then inside.
        var guarded = CsvFormulaGuard.NeedsPrefix(value);
        var quoted = value.AsSpan().IndexOfAny(MustQuote) >= 0 || (!guarded && char.IsWhiteSpace(value[0])) || char.IsWhiteSpace(value[^1]);
        if (quoted)
        {
            _page.Append(Quote);
        }

        if (guarded)
        {
            _page.Append(CsvFormulaGuard.Prefix);
        }

        if (!quoted)
        {
            _page.Append(value);
            return;
        }

        var rest = value.AsSpan();
        for (var quote = rest.IndexOf(Quote); quote >= 0; quote = rest.IndexOf(Quote))
        {
            _page.Append(rest[..(quote + 1)]).Append(Quote);
            rest = rest[(quote + 1)..];
        }

        _page.Append(rest).Append(Quote);
    }

    /// <summary>One row; the page goes to the output once it is large, so memory stays flat however many rows follow.</summary>
    public async Task WriteRowAsync(IEnumerable<string> cells, CancellationToken cancellationToken = default)
    {
        WriteRow(cells);
        if (_page.Length >= PageCharacters)
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

        await _output.WriteAsync(_page, cancellationToken).ConfigureAwait(false);
        await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
        _page.Clear();
    }

    /// <summary>For an <see cref="InMemory"/> download. One written to a stream is disposed with <see cref="DisposeAsync"/>, which sends its last page.</summary>
    public void Dispose() => _output?.Dispose();

    public async ValueTask DisposeAsync()
    {
        await FlushAsync().ConfigureAwait(false);
        if (_output is not null)
        {
            await _output.DisposeAsync().ConfigureAwait(false);
        }

    }
}
