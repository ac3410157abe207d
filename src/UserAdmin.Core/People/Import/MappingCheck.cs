using UserAdmin.Core.Csv;

namespace UserAdmin.Core.People.Import;

/// <summary>
/// R-IMP-2 checks of a mapping against a file before any row is read: the required fields are
/// mapped, every mapped column exists, and each date field's format is settled (detect resolved).
/// </summary>
internal static class MappingCheck
{
    public static List<CsvProblem> Problems(CsvDocument document, ImportMapping mapping)
    {
        var problems = new List<CsvProblem>();
        foreach (var field in PersonFields.All.Where(f => f.IsRequired && !mapping.IsMapped(f.Field)))
        {
            problems.Add(CsvProblem.OfFile($"{field.Header} must be mapped to a column of the file: it is required for every user."));
        }

        foreach (var (field, column) in mapping.Columns)
        {
            if (!document.Headers.Contains(column, StringComparer.Ordinal))
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

    /// <summary>R-IMP-2 detect: the one format that parses every value of the column; two or none is a question for the administrator.</summary>
    public static Dictionary<PersonField, DateFormat> ResolveDateFormats(
        IReadOnlyList<CsvRecord> records, ImportMapping mapping, IReadOnlyDictionary<PersonField, int> indexes, List<CsvProblem> problems, List<string> notices)
    {
        var resolved = new Dictionary<PersonField, DateFormat>();
        var mapped = PersonFields.Dates.Where(f => indexes.ContainsKey(f.Field)).ToList();
        var detected = mapped.Where(f => mapping.DateFormatOf(f.Field) == DateFormat.Detect).ToList();
        var values = DateColumns(records, detected.ConvertAll(f => indexes[f.Field]));
        foreach (var field in mapped)
        {
            var chosen = mapping.DateFormatOf(field.Field);
            if (chosen != DateFormat.Detect)
            {
                resolved[field.Field] = chosen;
                continue;
            }

            var i = detected.IndexOf(field);
            var fitting = DateFormats.FormatsFitting(values[i]);
            var column = mapping.ColumnOf(field.Field)!;
            switch (fitting.Count)
            {
                case 1:
                    resolved[field.Field] = fitting[0];
                    notices.Add($"{field.Header}: detected {fitting[0].Pattern()} in column \"{column}\".");
                    break;
                case 0:
                    problems.Add(new CsvProblem(null, column, null,
                        $"no single date format fits every value of the column \"{column}\" mapped to {field.Header}. Choose its format on the map step; values that do not fit it are then listed as row errors."));
                    break;
                default:
                    if (fitting.Contains(DateFormat.YearMonthDayDash) || fitting.Contains(DateFormat.YearMonthDaySlash) || values[i].TrueForAll(string.IsNullOrWhiteSpace))
                    {
                        resolved[field.Field] = fitting[0];
                        break;
                    }

                    problems.Add(new CsvProblem(null, column, null,
                        $"the dates in the column \"{column}\" mapped to {field.Header} fit both {string.Join(" and ", fitting.Select(f => f.Pattern()))} (no day is above 12). Choose the format on the map step."));
                    break;
            }
        }

        return resolved;
    }

    /// <summary>The values of the date columns at <paramref name="indexes"/> in the rows of the right shape.</summary>
    private static List<string>[] DateColumns(IReadOnlyList<CsvRecord> records, List<int> indexes)
    {
        var columns = indexes.ConvertAll(_ => new List<string>(records.Count)).ToArray();
        foreach (var row in records.Where(r => r.Problem is null))
        {
            for (var i = 0; i < indexes.Count; i++)
            {
                columns[i].Add(row.Values[indexes[i]]);
            }
        }

        return columns;
    }
}
