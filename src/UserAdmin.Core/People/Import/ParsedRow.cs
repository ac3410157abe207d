using UserAdmin.Core.Csv;

namespace UserAdmin.Core.People.Import;

/// <summary>A file row read through the mapping: canonical values of the mapped fields and the cells that could not be read.</summary>
internal sealed class ParsedRow(CsvRecord record, PersonRecord values)
{
    public int Line => record.Line;

    /// <summary>The spreadsheet row of this record (R-IMP-6); differs from <see cref="Line"/> below a quoted line break.</summary>
    public int SheetRow => record.SheetRow;

    public string[] RawValues => record.Values;

    public PersonRecord Values { get; } = values;

    public List<CsvProblem> Problems { get; } = [];

    public static ParsedRow Read(CsvRecord record, ImportMapping mapping, IReadOnlyDictionary<PersonField, int> columnIndexes, IReadOnlyDictionary<PersonField, DateFormat> dateFormats, CellReader cells)
    {
        var row = new ParsedRow(record, new PersonRecord());
        if (record.Problem is { } shape)
        {
            row.Problems.Add(shape);
            return row;
        }

        foreach (var (field, index) in columnIndexes)
        {
            var info = PersonFields.Of(field);
            var raw = record.Values[index];
            var cell = cells.Read(info, raw, dateFormats.GetValueOrDefault(field, DateFormat.YearMonthDayDash));
            if (cell.Problem is { } problem)
            {
                row.Problems.Add(new CsvProblem(record.Line, mapping.ColumnOf(field), raw, $"the value \"{Shorten(raw)}\" {problem}"));
            }
            else
            {
                row.Values[field] = cell.Canonical;
            }
        }

        return row;
    }

    /// <summary>The row's problems, each naming the spreadsheet row beside the line where the two differ (R-IMP-6).</summary>
    public IReadOnlyList<CsvProblem> ProblemsWithSheetRow() =>
        SheetRow == Line ? Problems : Problems.ConvertAll(p => p.Line == Line ? p with { SheetRow = SheetRow } : p);

    public void AddProblem(PersonField field, ImportMapping mapping, string message) =>
        Problems.Add(new CsvProblem(Line, mapping.ColumnOf(field) ?? PersonFields.Of(field).Header, Values[field], message));

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..57] + "...";
}
