using System.Globalization;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.People.Import;

/// <summary>
/// R-IMP-6 as amended: the same User ID, Email or Login (ignoring case) on several rows of the file is an
/// error on every one of them, each naming the others. The import cannot know which row is right, so
/// "import only the valid rows" must never keep one of them by accident.
/// </summary>
internal static class DuplicatesInFile
{
    private static readonly PersonField[] Keys = [PersonField.UserId, PersonField.Email, PersonField.Login];

    public static void Check(IReadOnlyList<MatchedRow> rows, ImportMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var key in Keys)
        {
            var groups = rows
                .Select(row => (Row: row, Value: row.Parsed.Values[key]))
                .Where(r => r.Value is not null && !(key == PersonField.UserId && r.Value == "0"))
                .GroupBy(r => User.NormalizeKey(r.Value!), StringComparer.Ordinal)
                .Where(g => g.Count() > 1);
            foreach (var group in groups)
            {
                var members = group.ToList();
                foreach (var (row, value) in members)
                {
                    var others = members.Where(m => m.Row != row).Select(m => Place(m.Row.Parsed)).ToList();
                    row.Parsed.AddProblem(key, mapping,
                        $"the {PersonFields.Of(key).Header} \"{value}\" is also used on {(others.Count == 1 ? "line" : "lines")} {Join(others)} of this file; each user may appear only once, and as the import cannot tell which row is right, none of them is imported.");
                }
            }
        }
    }

    /// <summary>The line, and the spreadsheet row when a quoted line break makes it differ.</summary>
    private static string Place(ParsedRow row) =>
        row.SheetRow == row.Line
            ? row.Line.ToString(CultureInfo.InvariantCulture)
            : $"{row.Line.ToString(CultureInfo.InvariantCulture)} (spreadsheet row {row.SheetRow.ToString(CultureInfo.InvariantCulture)})";

    private static string Join(List<string> places) =>
        places.Count <= 1 ? string.Concat(places) : string.Join(", ", places[..^1]) + " and " + places[^1];
}
