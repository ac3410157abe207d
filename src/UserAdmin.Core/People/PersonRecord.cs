namespace UserAdmin.Core.People;

/// <summary>
/// The people.csv fields of one user in canonical text: trimmed text or null, dates as ISO
/// <c>yyyy-MM-dd</c>, booleans <c>TRUE</c>/<c>FALSE</c>, references by their canonical name, lists
/// sorted and joined with <c>;</c>. Export writes it, import parses into it, and the preview compares
/// two of them field by field, so "unchanged" means exactly what R-EXP-5 promises.
/// </summary>
public sealed class PersonRecord
{
    public const string True = "TRUE";
    public const string False = "FALSE";

    private readonly string?[] _values = new string?[PersonFields.All.Count];

    public string? this[PersonField field]
    {
        get => _values[(int)field];
        set => _values[(int)field] = string.IsNullOrEmpty(value) ? null : value;
    }

    public static string JoinList(IEnumerable<string> items)
    {
        var list = items as IReadOnlyCollection<string> ?? items.ToList();
        return list.Count switch
        {
            0 => "",
            1 => list.First(),
            _ => string.Join(';', list.Order(StringComparer.OrdinalIgnoreCase).ThenBy(i => i, StringComparer.Ordinal)),
        };
    }

    public static IReadOnlyList<string> SplitList(string? canonical) =>
        canonical is null ? [] : canonical.Split(';');

    public static string Boolean(bool value) => value ? True : False;
}
