using System.Text.Json;
using System.Text.Json.Serialization;

namespace UserAdmin.Core.People.Import;

/// <summary>
/// The map step's answer (R-IMP-2): per system field the file's column header, or none ("not in
/// file"), and per date field its format. Saved mapping schemas store exactly this.
/// </summary>
public sealed record ImportMapping(IReadOnlyDictionary<PersonField, string> Columns, IReadOnlyDictionary<PersonField, DateFormat> DateFormats)
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public string? ColumnOf(PersonField field) => Columns.GetValueOrDefault(field);

    public DateFormat DateFormatOf(PersonField field) => DateFormats.GetValueOrDefault(field, DateFormat.Detect);

    public bool IsMapped(PersonField field) => Columns.ContainsKey(field);

    public string ToJson() => JsonSerializer.Serialize(new Stored(Columns.ToDictionary(), DateFormats.ToDictionary()), Json);

    public static ImportMapping FromJson(string json)
    {
        var stored = JsonSerializer.Deserialize<Stored>(json, Json) ?? throw new JsonException("Empty mapping.");
        return new ImportMapping(stored.Columns, stored.DateFormats);
    }

    /// <summary>
    /// R-IMP-2 auto-match: a column matches a field when its name, ignoring case, spaces and
    /// punctuation, equals the field's header or one of its synonyms. Date formats start at detect.
    /// </summary>
    public static ImportMapping AutoMatch(IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var columns = new Dictionary<PersonField, string>();
        var byKey = headers.GroupBy(Normalise).ToDictionary(g => g.Key, g => g.First());
        foreach (var field in PersonFields.All)
        {
            var match = new[] { field.Header }.Concat(field.Synonyms)
                .Select(name => byKey.GetValueOrDefault(Normalise(name)))
                .FirstOrDefault(header => header is not null && !columns.ContainsValue(header));
            if (match is not null)
            {
                columns[field.Field] = match;
            }
        }

        return new ImportMapping(columns, PersonFields.Dates.ToDictionary(f => f.Field, _ => DateFormat.Detect));
    }

    /// <summary>Ignores case, spaces and punctuation, and a byte-order mark misread as <c>ï»¿</c>, which the preview flags (R-IMP-13).</summary>
    public static string Normalise(string name) =>
        string.Concat(WithoutMisreadByteOrderMark(name ?? "").Where(char.IsLetterOrDigit)).ToUpperInvariant();

    private static string WithoutMisreadByteOrderMark(string name) =>
        name.StartsWith(SpreadsheetDamage.MisreadByteOrderMark, StringComparison.Ordinal) ? name[SpreadsheetDamage.MisreadByteOrderMark.Length..] : name;

    private sealed record Stored(Dictionary<PersonField, string> Columns, Dictionary<PersonField, DateFormat> DateFormats);
}
