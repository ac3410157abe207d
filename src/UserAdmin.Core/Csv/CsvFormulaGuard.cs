namespace UserAdmin.Core.Csv;

/// <summary>
/// R-EXP-4: a cell a spreadsheet would run as a formula is written with a leading apostrophe, and the
/// importer removes exactly that apostrophe again, so export → import round-trips every value.
/// Values that already are apostrophes before a trigger character (<c>'=x</c>) get one more, so the
/// mapping stays one-to-one: n apostrophes before a trigger are written as n + 1 and read back as n.
/// The triggers include the full-width forms ＝ ＋ － ＠ (R-SEC-9).
/// </summary>
public static class CsvFormulaGuard
{
    /// <summary>The character written before a value that <see cref="NeedsPrefix"/>.</summary>
    public const char Prefix = '\'';

    public static string Neutralise(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return NeedsPrefix(value) ? Prefix + value : value;
    }

    /// <summary>Whether <paramref name="value"/> is written with <see cref="Prefix"/> before it; a writer that appends the two itself avoids a copy of every such value.</summary>
    public static bool NeedsPrefix(ReadOnlySpan<char> value)
    {
        var rest = value.TrimStart(Prefix);
        // R-SEC-9: spreadsheets also run a formula typed with the full-width ＝ ＋ － ＠ (an East Asian keyboard's).
        return rest.Length > 0 && rest[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n' or '\uFF1D' or '\uFF0B' or '\uFF0D' or '\uFF20';
    }

    public static string Restore(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length > 1 && value[0] == Prefix && NeedsPrefix(value) ? value[1..] : value;
    }
}
