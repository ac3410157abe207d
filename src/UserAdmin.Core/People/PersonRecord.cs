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

    /// <summary>
    /// A list's canonical text: sorted ignoring case, then by ordinal so that equal-but-for-case names keep
    /// one order, joined with <c>;</c>. Sorted in place, without LINQ's ordered copies: the export joins
    /// several lists per user (a fifth of P2's time went to the ordered iterators).
    /// </summary>
    public static string JoinList(IEnumerable<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        using var each = items.GetEnumerator();
        if (!each.MoveNext())
        {
            return "";
        }

        var first = each.Current;
        if (!each.MoveNext())
        {
            return first;
        }

        var list = new List<string> { first, each.Current };
        while (each.MoveNext())
        {
            list.Add(each.Current);
        }

        // Names equal under both comparisons are the same text, so an unstable sort gives LINQ's stable order.
        list.Sort(ListOrder);
        return string.Join(';', list);
    }

    private static readonly Comparison<string> ListOrder = (a, b) =>
        StringComparer.OrdinalIgnoreCase.Compare(a, b) is var ignoringCase and not 0 ? ignoringCase : string.CompareOrdinal(a, b);

    public static IReadOnlyList<string> SplitList(string? canonical) =>
        canonical is null ? [] : canonical.Split(';');

    public static string Boolean(bool value) => value ? True : False;
}
