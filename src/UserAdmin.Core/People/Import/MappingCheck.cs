using UserAdmin.Core.Csv;

namespace UserAdmin.Core.People.Import;

/// <summary>
/// R-IMP-2 checks of a mapping against a file before any row is read: the required fields are
/// mapped, every mapped column exists, and each date field's format is settled (detect resolved).
/// </summary>
public static class MappingCheck
{
    public static List<CsvProblem> Problems(CsvDocument document, ImportMapping mapping)
    {
        var problems = new List<CsvProblem>();
        foreach (var field in PersonFields.All.Where(f => f.IsRequired && !mapping.IsMapped(f.Field)))
        {
            problems.Add(CsvProblem.OfFile($"{field.Header} is required: choose the column of the file that holds it."));
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
    internal static Dictionary<PersonField, DateFormat> ResolveDateFormats(
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
                    var index = indexes[field.Field];
                    var (misfit, reason) = FirstMisfit(records, index);
                    problems.Add(new CsvProblem(misfit.Line, column, misfit.Values[index],
                        $"no single date format fits every value of the column \"{column}\" mapped to {field.Header}: \"{misfit.Values[index].Trim()}\" {reason}. Choose its format on the map step; values that do not fit it are then listed as row errors."));
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

    /// <summary>
    /// The row that defeats detect: the first whose date fits no format at all, or else the one where the
    /// formats fitting every date above it run out (a file mixing DD/MM/YYYY and MM/DD/YYYY).
    /// </summary>
    private static (CsvRecord Row, string Reason) FirstMisfit(IReadOnlyList<CsvRecord> records, int index)
    {
        var dated = records.Where(r => r.Problem is null && !string.IsNullOrWhiteSpace(r.Values[index]));
        if (dated.FirstOrDefault(r => DateFormats.FormatsFitting([r.Values[index]]).Count == 0) is { } unreadable)
        {
            return (unreadable, $"is not a date in any of the formats {string.Join(", ", DateFormats.Concrete.Select(f => f.Pattern()))} (a 1- or 2-digit day and month and a 4-digit year)");
        }

        var fitting = DateFormats.Concrete.ToList();
        foreach (var row in dated)
        {
            var above = fitting.ToList();
            fitting.RemoveAll(f => !f.TryParse(row.Values[index].Trim(), out _));
            if (fitting.Count == 0)
            {
                return (row, $"does not fit {string.Join(" or ", above.Select(f => f.Pattern()))}, the format of the dates above it");
            }
        }

        throw new InvalidOperationException("Detect found no format, yet every date fits one.");
    }
}
