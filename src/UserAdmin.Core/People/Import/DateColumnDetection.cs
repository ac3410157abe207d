using System.Globalization;

namespace UserAdmin.Core.People.Import;

/// <summary>A date value of a column and the line it is on, for the samples and misfits the map step shows.</summary>
public readonly record struct DatedValue(int Line, string Value);

/// <summary>
/// R-IMP-12: what <i>detect</i> (or a chosen format) makes of one date column: the format that reads
/// the most values, how many it reads, and the values it cannot read. A tie between formats is a
/// question for the administrator (<see cref="Format"/> is null); the misfits become row errors, so
/// one bad value never hides the others.
/// </summary>
public sealed record DateColumnDetection(
    DateFormat? Format,
    int Values,
    int Reads,
    IReadOnlyList<DateFormat> Tied,
    IReadOnlyList<DatedValue> Samples,
    IReadOnlyList<DatedValue> Misfits)
{
    private const int Shown = 3;

    /// <summary>The values the settled format cannot read (row errors); none while detect still asks.</summary>
    public int MisfitCount => Format is null ? 0 : Values - Reads;

    public bool IsAmbiguous => Format is null;

    /// <summary>Detect over the non-blank values of the column: the most values read wins, a tie asks.</summary>
    public static DateColumnDetection Detect(IEnumerable<DatedValue> values) => Run(values, null);

    /// <summary>The same figures for a format the administrator chose, so the map step can show what it reads.</summary>
    public static DateColumnDetection With(DateFormat chosen, IEnumerable<DatedValue> values) =>
        chosen == DateFormat.Detect ? Detect(values) : Run(values, chosen);

    private static DateColumnDetection Run(IEnumerable<DatedValue> values, DateFormat? chosen)
    {
        ArgumentNullException.ThrowIfNull(values);
        var dated = values.Where(v => !string.IsNullOrWhiteSpace(v.Value)).Select(v => v with { Value = v.Value.Trim() }).ToList();
        var reads = DateFormats.Concrete.ToDictionary(f => f, f => dated.Count(v => f.TryParse(v.Value, out _)));
        var best = reads.Values.Max();

        // Nothing to read, or nothing readable: the default format, so every value becomes a row error naming it.
        var tied = best == 0 ? [] : DateFormats.Concrete.Where(f => reads[f] == best).ToList();
        var format = chosen ?? (tied.Count > 1 ? null : tied.FirstOrDefault(DateFormat.YearMonthDayDash));
        var samples = dated.Take(Shown).ToList();
        var misfits = format is { } f2 ? dated.Where(v => !f2.TryParse(v.Value, out _)).Take(Shown).ToList() : [];
        return new DateColumnDetection(format, dated.Count, format is { } f3 ? reads[f3] : best, tied, samples, misfits);
    }

    /// <summary>How a sample reads in the detected format ("3/7/2021 → 2021-03-07"), or that it does not.</summary>
    public string Describe(DatedValue sample) =>
        Format is { } format && format.TryParse(sample.Value, out var date)
            ? $"{sample.Value} → {DateFormat.YearMonthDayDash.Format(date)}"
            : $"{sample.Value} (line {sample.Line.ToString(CultureInfo.InvariantCulture)}) is not a date in {Format?.Pattern() ?? "one format"}";

    /// <summary>One sentence for the map step and the preview's notices.</summary>
    public string Summary()
    {
        if (Format is not { } format)
        {
            return $"the dates fit {string.Join(" and ", Tied.Select(f => f.Pattern()))} equally ({Reads.ToString(CultureInfo.InvariantCulture)} of {Values.ToString(CultureInfo.InvariantCulture)} values each): choose the format.";
        }

        if (Values == 0)
        {
            return "the column has no dates.";
        }

        var read = $"{format.Pattern()} reads {Reads.ToString(CultureInfo.InvariantCulture)} of {Values.ToString(CultureInfo.InvariantCulture)} values";
        return MisfitCount == 0
            ? read + "."
            : read + $"; the {(MisfitCount == 1 ? "other is a row error" : $"other {MisfitCount.ToString(CultureInfo.InvariantCulture)} are row errors")} ({string.Join(", ", Misfits.Select(m => $"line {m.Line.ToString(CultureInfo.InvariantCulture)}: \"{m.Value}\""))}{(MisfitCount > Misfits.Count ? ", …" : "")}).";
    }
}
