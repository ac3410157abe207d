using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace UserAdmin.Core.Csv;

/// <summary>How a record's quotes are wrong, if they are.</summary>
internal enum QuoteMistake
{
    None,

    /// <summary>A quoted value is never closed: it runs to the end of the file and swallows every later line.</summary>
    Unclosed,

    /// <summary>Text follows a closing quote (<c>"Ann"ie</c>), which CsvHelper would silently glue on.</summary>
    TextAfterClosingQuote,
}

/// <summary>
/// Reads the records of an upload with the one CsvHelper configuration every upload uses (R-IMP-1):
/// RFC 4180 quoting, rows of only delimiters skipped, the line each record starts on, and quoting
/// mistakes reported rather than read as data. A stray quote inside an unquoted value (<c>5'11"</c>)
/// is read as it stands, as spreadsheets do.
/// </summary>
internal sealed class CsvRecordReader : IDisposable
{
    private readonly CsvParser _parser;
    private readonly char _delimiter;
    private readonly List<string> _badFields = [];

    // Line breaks inside quoted values of the records read so far: a spreadsheet shows each record on one row.
    private int _breaksInValues;

    public CsvRecordReader(TextReader text, char delimiter)
    {
        _delimiter = delimiter;
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter.ToString(),
            HasHeaderRecord = false,
            IgnoreBlankLines = true,
            BadDataFound = args => _badFields.Add(args.Field),
            DetectColumnCountChanges = false,
            Mode = CsvMode.RFC4180,
        };
        _parser = new CsvParser(text, configuration);
    }

    public string[] Values { get; private set; } = [];

    /// <summary>The line the current record starts on (quoted values may span several lines).</summary>
    public int Line { get; private set; }

    /// <summary>The row a spreadsheet shows the current record on: its line less the quoted line breaks above it (R-IMP-6).</summary>
    public int SheetRow { get; private set; }

    public QuoteMistake Mistake { get; private set; }

    /// <summary>The 0-based position of the value with the quoting mistake.</summary>
    public int MistakeIndex { get; private set; }

    /// <summary>The mistaken value as written in the file, quotes included.</summary>
    public string MistakeText { get; private set; } = "";

    /// <summary>Reads the next record that has at least one non-blank value (a row of only delimiters is blank).</summary>
    public bool ReadNonBlank()
    {
        while (Read())
        {
            if (Mistake != QuoteMistake.None || Array.Exists(Values, v => !string.IsNullOrWhiteSpace(v)))
            {
                return true;
            }
        }

        return false;
    }

    public void Dispose() => _parser.Dispose();

    private bool Read()
    {
        _badFields.Clear();
        if (!_parser.Read())
        {
            return false;
        }

        // CsvHelper processes a record's fields, and so reports their bad data, only when they are read.
        Values = _parser.Record!;
        (Mistake, MistakeText) = _badFields
            .Where(f => f.StartsWith('"'))
            .Select(f => (f.Count(c => c == '"') % 2 == 1 ? QuoteMistake.Unclosed : QuoteMistake.TextAfterClosingQuote, f))
            .FirstOrDefault((QuoteMistake.None, ""));
        MistakeIndex = Mistake == QuoteMistake.None ? 0 : IndexOfField(_parser.RawRecord, MistakeText);
        Line = StartLine();
        SheetRow = Line - _breaksInValues;
        _breaksInValues += _parser.RawRow - Line;
        return true;
    }

    /// <summary>
    /// CsvHelper's row counter stands on the record's last line; the record's own line breaks, except
    /// the one that ends it, lead back to its first. An unclosed quote keeps even the last break inside the value.
    /// </summary>
    private int StartLine()
    {
        // Most records have no line break inside a value: then they start on the counter's line, and the raw
        // record (a new string each time) is not needed.
        if (Mistake == QuoteMistake.None && !Array.Exists(Values, v => v.Contains('\n', StringComparison.Ordinal)))
        {
            return _parser.RawRow;
        }

        var raw = _parser.RawRecord.AsSpan();
        if (Mistake != QuoteMistake.Unclosed)
        {
            raw = raw.TrimEnd("\r\n");
        }

        return _parser.RawRow - raw.Count('\n');
    }

    /// <summary>Counts the delimiters outside quotes before the field's text in the raw record.</summary>
    private int IndexOfField(string rawRecord, string field)
    {
        var end = rawRecord.IndexOf(field, StringComparison.Ordinal);
        var index = 0;
        var quoted = false;
        for (var i = 0; i < Math.Max(0, end); i++)
        {
            if (rawRecord[i] == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && rawRecord[i] == _delimiter)
            {
                index++;
            }
        }

        return index;
    }
}
