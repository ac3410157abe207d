using UserAdmin.Core.Csv;

namespace UserAdmin.Core.People.Import;

/// <summary>
/// R-IMP-2 checks of a mapping against a file before any row is read: the required fields are
/// mapped, every mapped column exists, and each date field's format is settled (detect resolved).
/// </summary>
public static class MappingCheck
{
    public static List<CsvProblem> Problems(IReadOnlyList<string> headers, ImportMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(mapping);
        var problems = new List<CsvProblem>();
        foreach (var field in PersonFields.All.Where(f => f.IsRequired && !mapping.IsMapped(f.Field)))
        {
            problems.Add(CsvProblem.OfFile($"{field.Header} is required: choose the column of the file that holds it."));
        }

        foreach (var (field, column) in mapping.Columns)
        {
            if (!headers.Contains(column, StringComparer.Ordinal))
            {
                problems.Add(new CsvProblem(1, column, column, $"{PersonFields.Of(field).Header} is mapped to the column \"{column}\", which this file does not have."));
            }
        }

        var columns = mapping.Columns.GroupBy(c => c.Value).Where(g => g.Count() > 1);
        foreach (var shared in columns)
        {
            problems.Add(new CsvProblem(1, shared.Key, shared.Key,
                $"the column \"{shared.Key}\" is mapped to several fields ({string.Join(", ", shared.Select(c => PersonFields.Of(c.Key).Header))}); map each column to one field."));
        }

        return problems;
    }

    /// <summary>
    /// R-IMP-12 detect: per date field the format that reads the most values of its column. The values it
    /// cannot read become row errors (the cell reader reports them); only a tie is a question that blocks.
    /// </summary>
    internal static Dictionary<PersonField, DateFormat> ResolveDateFormats(
        IReadOnlyList<CsvRecord> records, ImportMapping mapping, IReadOnlyDictionary<PersonField, int> indexes, List<CsvProblem> problems, List<string> notices) =>
        ResolveDateFormats(DetectDates(records, mapping, indexes), mapping, problems, notices);

    /// <summary>The same for detections already made (by the first pass over the file, R-IMP-11).</summary>
    internal static Dictionary<PersonField, DateFormat> ResolveDateFormats(
        IReadOnlyList<(PersonFieldInfo Field, DateColumnDetection Detection)> detections, ImportMapping mapping, List<CsvProblem> problems, List<string> notices)
    {
        ArgumentNullException.ThrowIfNull(detections);
        var resolved = new Dictionary<PersonField, DateFormat>();
        foreach (var (field, detection) in detections)
        {
            var column = mapping.ColumnOf(field.Field)!;
            if (detection.Format is { } format)
            {
                resolved[field.Field] = format;
                if (mapping.DateFormatOf(field.Field) == DateFormat.Detect && detection.Values > 0)
                {
                    notices.Add($"{field.Header}: detected {format.Pattern()} in column \"{column}\" ({detection.Summary()})");
                }

                continue;
            }

            problems.Add(new CsvProblem(null, column, null, detection.Tied.Contains(DateFormat.DayMonthYear) && detection.Reads == detection.Values
                ? $"the dates in the column \"{column}\" mapped to {field.Header} fit both {string.Join(" and ", detection.Tied.Select(f => f.Pattern()))} (no day is above 12). Choose the format on the map step."
                : $"the dates in the column \"{column}\" mapped to {field.Header} are read by {string.Join(" and ", detection.Tied.Select(f => f.Pattern()))} equally often ({detection.Reads.ToString(System.Globalization.CultureInfo.InvariantCulture)} of {detection.Values.ToString(System.Globalization.CultureInfo.InvariantCulture)} values each). Choose the format on the map step; values that do not fit it are then listed as row errors."));
        }

        return resolved;
    }

    /// <summary>R-IMP-12: what the chosen format (or detect) makes of each mapped date column, for the map step and the planner.</summary>
    public static IReadOnlyList<(PersonFieldInfo Field, DateColumnDetection Detection)> DetectDates(CsvDocument document, ImportMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(mapping);
        var indexes = mapping.Columns
            .Where(c => PersonFields.Of(c.Key).IsDate)
            .Select(c => (c.Key, Index: IndexOf(document.Headers, c.Value)))
            .Where(c => c.Index >= 0)
            .ToDictionary(c => c.Key, c => c.Index);
        return DetectDates(document.Rows(), mapping, indexes);
    }

    private static List<(PersonFieldInfo Field, DateColumnDetection Detection)> DetectDates(
        IEnumerable<CsvRecord> records, ImportMapping mapping, IReadOnlyDictionary<PersonField, int> indexes)
    {
        var columns = new DateColumns(mapping, indexes);
        foreach (var row in records)
        {
            columns.Add(row);
        }

        return columns.Detections();
    }

    private static int IndexOf(IReadOnlyList<string> headers, string column)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            if (string.Equals(headers[i], column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>The mapped date columns of a file read one record at a time, for detect (R-IMP-12) in a single pass.</summary>
internal sealed class DateColumns
{
    private readonly ImportMapping _mapping;
    private readonly List<(PersonFieldInfo Field, int Index, DateColumnTally Tally)> _columns;

    public DateColumns(ImportMapping mapping, IReadOnlyDictionary<PersonField, int> indexes)
    {
        _mapping = mapping;
        _columns = PersonFields.Dates.Where(f => indexes.ContainsKey(f.Field)).Select(f => (f, indexes[f.Field], new DateColumnTally())).ToList();
    }

    public void Add(CsvRecord row)
    {
        if (row.Problem is not null)
        {
            return;
        }

        foreach (var (_, index, tally) in _columns)
        {
            tally.Add(new DatedValue(row.Line, row.Values[index]));
        }
    }

    public List<(PersonFieldInfo Field, DateColumnDetection Detection)> Detections() =>
        _columns.ConvertAll(c => (c.Field, c.Tally.Result(ChosenFormat(c.Field.Field))));

    /// <summary>The administrator's format for a field, or null for detect.</summary>
    private DateFormat? ChosenFormat(PersonField field) =>
        _mapping.DateFormatOf(field) is var chosen && chosen != DateFormat.Detect ? chosen : null;
}
