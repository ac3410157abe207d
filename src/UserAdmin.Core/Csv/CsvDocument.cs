using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace UserAdmin.Core.Csv;

/// <summary>One data row of an uploaded file: the line it starts on and its raw values.</summary>
public sealed record CsvRecord(int Line, string[] Values, CsvProblem? Problem);

/// <summary>
/// An uploaded CSV file that passed the file-level checks of R-IMP-1 (encoding, delimiter, headers,
/// size). Rows are read on demand from the stored bytes, so no step keeps a parsed copy of the file.
/// </summary>
public sealed class CsvDocument
{
    private readonly byte[] _content;

    private CsvDocument(byte[] content, CsvFileFormat format, IReadOnlyList<string> headers, int rowCount)
    {
        _content = content;
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

        var text = decoded.Text!;
        var delimiter = CsvDelimiterDetector.FromHeaderLine(text);
        var format = new CsvFileFormat(decoded.Encoding!, delimiter);
        using var parser = CreateParser(text, delimiter);
        if (!ReadNonBlank(parser))
        {
            return CsvOpenResult.Failed(CsvProblem.OfFile("The file has no header row: it is empty or holds only blank lines."));
        }

        var headers = parser.Record!.Select(h => h.Trim()).ToArray();
        var headerProblems = CsvHeaderRules.Check(headers);
        if (headerProblems.Count > 0)
        {
            return CsvOpenResult.Failed([.. headerProblems]);
        }

        var rows = 0;
        while (ReadNonBlank(parser))
        {
            rows++;
            if (rows > maxRows)
            {
                return CsvOpenResult.Failed(CsvProblem.OfFile(
                    $"The file has more than {maxRows.ToString("N0", CultureInfo.InvariantCulture)} data rows, the most one import takes. Split it into several files."));
            }
        }

        if (rows == 0)
        {
            return CsvOpenResult.Failed(CsvProblem.OfFile("The file has a header row but no data rows."));
        }

        return CsvOpenResult.Opened(new CsvDocument(content, format, headers, rows));
    }

    /// <summary>Reopens a file that <see cref="Open"/> accepted earlier (for example when it was stored).</summary>
    public static CsvDocument Reopen(byte[] content) =>
        Open(content, int.MaxValue).Document ?? throw new InvalidOperationException("The stored file no longer passes the file checks.");

    public IEnumerable<CsvRecord> Rows()
    {
        var text = CsvTextDecoder.Decode(_content).Text!;
        using var parser = CreateParser(text, Format.Delimiter);
        ReadNonBlank(parser);
        while (ReadNonBlank(parser))
        {
            var values = parser.Record!;
            var line = StartLine(parser);
            var problem = values.Length == Headers.Count
                ? null
                : new CsvProblem(line, null, null,
                    $"this row has {values.Length} values but the header has {Headers.Count} columns. Check for a missing or extra {Format.DelimiterName} or an unclosed quote.");
            yield return new CsvRecord(line, values, problem);
        }
    }

    private static CsvParser CreateParser(string text, char delimiter)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter.ToString(),
            HasHeaderRecord = false,
            IgnoreBlankLines = true,
            BadDataFound = null,
            DetectColumnCountChanges = false,
            Mode = CsvMode.RFC4180,
        };
        return new CsvParser(new StringReader(text), configuration);
    }

    /// <summary>Reads the next record that has at least one non-blank value (a row of only delimiters is blank).</summary>
    private static bool ReadNonBlank(CsvParser parser)
    {
        while (parser.Read())
        {
            if (Array.Exists(parser.Record!, v => !string.IsNullOrWhiteSpace(v)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The line a record starts on: quoted fields may span several lines.</summary>
    private static int StartLine(CsvParser parser)
    {
        var raw = parser.RawRecord.AsSpan().TrimEnd("\r\n");
        return parser.RawRow - raw.Count('\n');
    }
}

public sealed record CsvOpenResult(CsvDocument? Document, IReadOnlyList<CsvProblem> Problems)
{
    public static CsvOpenResult Opened(CsvDocument document) => new(document, []);

    public static CsvOpenResult Failed(params CsvProblem[] problems) => new(null, problems);
}
