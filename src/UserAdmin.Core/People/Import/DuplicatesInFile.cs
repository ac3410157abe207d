using System.Globalization;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.People.Import;

/// <summary>
/// R-IMP-6 as amended: the same User ID, Email or Login (ignoring case) on several rows of the file is an
/// error on every one of them, each naming the others. The import cannot know which row is right, so
/// "import only the valid rows" must never keep one of them by accident. The first pass over the file
/// (<see cref="Add"/>) notes where each key is; <see cref="Check"/> then flags the rows of any chunk (R-IMP-11).
/// </summary>
internal sealed class DuplicatesInFile
{
    private static readonly PersonField[] Keys = [PersonField.UserId, PersonField.Email, PersonField.Login];

    // Per key, the first row of each value (dropped once the file is read) and every row of the values seen twice.
    private readonly Dictionary<PersonField, Dictionary<string, Place>> _first = Keys.ToDictionary(k => k, _ => new Dictionary<string, Place>(StringComparer.Ordinal));
    private readonly Dictionary<PersonField, Dictionary<string, List<Place>>> _repeated = Keys.ToDictionary(k => k, _ => new Dictionary<string, List<Place>>(StringComparer.Ordinal));

    public void Add(ParsedRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        foreach (var key in Keys)
        {
            if (KeyOf(row, key) is not { } value)
            {
                continue;
            }

            var place = new Place(row.Line, row.SheetRow);
            if (!_first[key].TryAdd(value, place))
            {
                if (!_repeated[key].TryGetValue(value, out var places))
                {
                    places = [_first[key][value]];
                    _repeated[key][value] = places;
                }

                places.Add(place);
            }
        }
    }

    /// <summary>The whole file is read: only the values seen twice are kept.</summary>
    public void Seal()
    {
        foreach (var first in _first.Values)
        {
            first.Clear();
            first.TrimExcess();
        }
    }

    public void Check(IEnumerable<MatchedRow> rows, ImportMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows)
        {
            foreach (var key in Keys)
            {
                if (KeyOf(row.Parsed, key) is not { } normalized || !_repeated[key].TryGetValue(normalized, out var members))
                {
                    continue;
                }

                var others = members.Where(m => m.Line != row.Parsed.Line).Select(m => m.Describe()).ToList();
                row.Parsed.AddProblem(key, mapping,
                    $"the {PersonFields.Of(key).Header} \"{row.Parsed.Values[key]}\" is also used on {(others.Count == 1 ? "line" : "lines")} {Join(others)} of this file; each user may appear only once, and as the import cannot tell which row is right, none of them is imported.");
            }
        }
    }

    private static string? KeyOf(ParsedRow row, PersonField key) =>
        row.Values[key] is { } value && !(key == PersonField.UserId && value == "0") ? User.NormalizeKey(value) : null;

    private static string Join(List<string> places) =>
        places.Count <= 1 ? string.Concat(places) : string.Join(", ", places[..^1]) + " and " + places[^1];

    /// <summary>The line, and the spreadsheet row when a quoted line break makes it differ.</summary>
    private readonly record struct Place(int Line, int SheetRow)
    {
        public string Describe() =>
            SheetRow == Line
                ? Line.ToString(CultureInfo.InvariantCulture)
                : $"{Line.ToString(CultureInfo.InvariantCulture)} (spreadsheet row {SheetRow.ToString(CultureInfo.InvariantCulture)})";
    }
}
