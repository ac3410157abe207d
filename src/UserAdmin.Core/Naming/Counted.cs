using System.Globalization;

namespace UserAdmin.Core.Naming;

/// <summary>
/// R-UX-4: a count with its noun in agreement ("1 pair", "2 pairs", "1,200 users"). Every page that
/// prints a count of something says it through here, so "1 pairs" cannot come back.
/// </summary>
public static class Counted
{
    /// <param name="plural">For nouns whose plural is not the singular plus "s" ("1 entry", "2 entries").</param>
    public static string Of(long count, string singular, string? plural = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(singular);
        var noun = count == 1 ? singular : plural ?? singular + "s";
        return count.ToString("N0", CultureInfo.InvariantCulture) + " " + noun;
    }
}
