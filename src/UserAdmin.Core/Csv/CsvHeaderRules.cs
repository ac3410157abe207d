namespace UserAdmin.Core.Csv;

/// <summary>
/// R-IMP-1: every column needs a name, no name may appear twice (CsvHelper would silently use the
/// first), and no name may hold another delimiter: a header row that mixes delimiters would glue
/// two columns into one and match neither.
/// </summary>
internal static class CsvHeaderRules
{
    public static List<CsvProblem> Check(IReadOnlyList<string> headers, char delimiter)
    {
        var problems = new List<CsvProblem>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < headers.Count; i++)
        {
            var position = i + 1;
            if (headers[i].Length == 0)
            {
                problems.Add(new CsvProblem(1, $"#{position}", "", $"column {position} of the header row has no name. Give every column a name or delete the empty column."));
            }
            else if (seen.TryGetValue(headers[i], out var first))
            {
                problems.Add(new CsvProblem(1, headers[i], headers[i], $"columns {first} and {position} are both named \"{headers[i]}\". Each column name may appear only once."));
            }
            else
            {
                seen[headers[i]] = position;
            }

            if (Array.Find(CsvDelimiterDetector.Candidates, c => c != delimiter && headers[i].Contains(c, StringComparison.Ordinal)) is var other and not default(char))
            {
                problems.Add(new CsvProblem(1, headers[i], headers[i],
                    $"column {position} of the header row, \"{headers[i]}\", contains a {CsvFileFormat.NameOf(other)} although the header row is {CsvFileFormat.NameOf(delimiter)}-separated: the file mixes delimiters. Save it with one delimiter."));
            }
        }

        return problems;
    }
}
