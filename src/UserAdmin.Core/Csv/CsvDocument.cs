using System.Globalization;
using System.Text;

namespace UserAdmin.Core.Csv;

/// <summary>One data row of an uploaded file: the line it starts on and its raw values.</summary>
public sealed record CsvRecord(int Line, string[] Values, CsvProblem? Problem)
{
    /// <summary>The row a spreadsheet shows this record on; it differs from <see cref="Line"/> below a value with a line break.</summary>
    public int SheetRow { get; init; } = Line;
}

/// <summary>
/// An uploaded CSV file that passed the file-level checks of R-IMP-1 (encoding, delimiter, headers,
/// size). Rows are read on demand from the stored bytes, so no step keeps a parsed copy of the file.
/// </summary>
public sealed class CsvDocument
{
    // The stored bytes, decoded as they are read: no step holds the file's text whole (R-IMP-11).
    private readonly byte[] _content;
    private readonly DecodedText _decoding;

    private CsvDocument(byte[] content, DecodedText decoding, CsvFileFormat format, IReadOnlyList<string> headers, int rowCount)
    {
        _content = content;
        _decoding = decoding;
        Format = format;
        Headers = headers;
        RowCount = rowCount;
    }

    public CsvFileFormat Format { get; }

    public IReadOnlyList<string> Headers { get; }

    public int RowCount { get; }

    /// <summary>Checks a file and, when it can be read, counts its rows (R-IMP-1).</summary>
    public static CsvOpenResult Open(byte[] content, int maxRows)
    {
        ArgumentNullException.ThrowIfNull(content);
        var decoded = CsvTextDecoder.Decode(content);
        if (decoded.Problem is { } problem)
        {
            return CsvOpenResult.Failed(problem);
        }

        char delimiter;
        using (var header = decoded.Open(content))
        {
            delimiter = CsvDelimiterDetector.FromHeaderLine(Characters(header));
        }

        var format = new CsvFileFormat(decoded.Encoding!, delimiter);
        using var reader = new CsvRecordReader(decoded.Open(content), delimiter);
        if (!reader.ReadNonBlank())
        {
            return CsvOpenResult.Failed(CsvProblem.OfFile("The file has no header row: it is empty or holds only blank lines."));
        }

        if (reader.Mistake != QuoteMistake.None)
        {
            return CsvOpenResult.Failed(QuoteProblem(reader, []));
        }

        var headers = reader.Values.Select(h => h.Trim()).ToArray();
        if (CsvDelimiterDetector.UnreadDelimiterOf(headers) is { } unread)
        {
            return CsvOpenResult.Failed(new CsvProblem(1, null, Shorten(headers[0]),
                $"the header row is one column, \"{Shorten(headers[0])}\", which seems to be separated by {CsvFileFormat.NameOf(unread)} characters. The import reads files separated by commas, semicolons or tabs: save the file as CSV with commas."));
        }

        var headerProblems = CsvHeaderRules.Check(headers, delimiter);
        if (headerProblems.Count > 0)
        {
            return CsvOpenResult.Failed([.. headerProblems]);
        }

        var rows = 0;
        while (reader.ReadNonBlank())
        {
            rows++;
            if (rows > maxRows)
            {
                return CsvOpenResult.Failed(CsvProblem.OfFile(
                    $"The file has more than {maxRows.ToString("N0", CultureInfo.InvariantCulture)} data rows, the most one import takes. Split it into several files."));
            }

            // An unclosed quote swallows every later line into one value: no row after it can be trusted.
            if (reader.Mistake == QuoteMistake.Unclosed)
            {
                return CsvOpenResult.Failed(QuoteProblem(reader, headers));
            }
        }

        if (rows == 0)
        {
            return CsvOpenResult.Failed(CsvProblem.OfFile("The file has a header row but no data rows."));
        }

        return CsvOpenResult.Opened(new CsvDocument(content, decoded, format, headers, rows));
    }

    /// <summary>A file the app made itself (a revert's), checked like an upload: a file that fails is a bug.</summary>
    public static CsvDocument Generated(byte[] content) =>
        Open(content, int.MaxValue).Document ?? throw new InvalidOperationException("The generated file does not pass the file checks.");

    /// <summary>
    /// Reopens a stored file with what its upload kept when <see cref="Open"/> accepted it (format, headers, row
    /// count): nothing is decoded, checked or counted again; rows are read only by a step that asks for them.
    /// </summary>
    public static CsvDocument Reopen(byte[] content, CsvFileFormat format, IReadOnlyList<string> headers, int rowCount)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(format);
        return new CsvDocument(content, CsvTextDecoder.Accepted(content, format.Encoding.CodePage), format, headers, rowCount);
    }

    /// <summary>The file's bytes, for the store that keeps them.</summary>
    internal byte[] Content => _content;

    public IEnumerable<CsvRecord> Rows()
    {
        using var reader = new CsvRecordReader(_decoding.Open(_content), Format.Delimiter);
        reader.ReadNonBlank();
        while (reader.ReadNonBlank())
        {
            var values = reader.Values;
            var problem = reader.Mistake != QuoteMistake.None ? QuoteProblem(reader, Headers) : ShapeProblem(reader.Line, values);
            yield return new CsvRecord(reader.Line, values, problem) { SheetRow = reader.SheetRow };
        }
    }

    private static IEnumerable<char> Characters(TextReader text)
    {
        int c;
        while ((c = text.Read()) >= 0)
        {
            yield return (char)c;
        }
    }

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..57] + "...";

    private static CsvProblem QuoteProblem(CsvRecordReader reader, IReadOnlyList<string> headers)
    {
        var index = reader.MistakeIndex;
        var column = index < headers.Count ? headers[index] : $"#{(index + 1).ToString(CultureInfo.InvariantCulture)}";
        return reader.Mistake == QuoteMistake.Unclosed
            ? new CsvProblem(reader.Line, column, null,
                "the quote that opens this value is never closed, so everything after it up to the end of the file would be read as one value. Add the closing quote (\") or remove the opening one.")
            : new CsvProblem(reader.Line, column, reader.MistakeText,
                $"the value {reader.MistakeText} has text after its closing quote. Quote the whole value and double each quote inside it, or remove the quotes.");
    }

    /// <summary>A row whose number of values differs from the header's, with the likely cause when it is another delimiter.</summary>
    private CsvProblem? ShapeProblem(int line, string[] values)
    {
        if (values.Length == Headers.Count)
        {
            return null;
        }

        var count = values.Length == 1 ? "1 value" : $"{values.Length.ToString(CultureInfo.InvariantCulture)} values";
        var other = CsvDelimiterDetector.Candidates.FirstOrDefault(d => d != Format.Delimiter && values.Length == 1 && values[0].Split(d).Length == Headers.Count);
        return other != default
            ? new CsvProblem(line, null, null,
                $"this row has {count} but the header has {Headers.Count} columns: the row is separated by {CsvFileFormat.NameOf(other)}s while the header row uses {Format.DelimiterName}s. Use one delimiter in the whole file.")
            : new CsvProblem(line, null, null,
                $"this row has {count} but the header has {Headers.Count} columns. Check for a missing or extra {Format.DelimiterName} or an unclosed quote.");
    }
}

public sealed record CsvOpenResult(CsvDocument? Document, IReadOnlyList<CsvProblem> Problems)
{
    public static CsvOpenResult Opened(CsvDocument document) => new(document, []);

    public static CsvOpenResult Failed(params CsvProblem[] problems) => new(null, problems);
}
