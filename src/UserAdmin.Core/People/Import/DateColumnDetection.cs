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
        var tally = new DateColumnTally();
        foreach (var value in values)
        {
            tally.Add(value);
        }

        return tally.Result(chosen);
    }

    internal static DateColumnDetection Of(DateColumnTally tally, DateFormat? chosen)
    {
        ArgumentNullException.ThrowIfNull(tally);
        var best = tally.Reads.Values.Max();

        // Nothing to read, or nothing readable: the default format, so every value becomes a row error naming it.
        var tied = best == 0 ? [] : DateFormats.Concrete.Where(f => tally.Reads[f] == best).ToList();
        var format = chosen ?? (tied.Count > 1 ? null : tied.FirstOrDefault(DateFormat.YearMonthDayDash));
        IReadOnlyList<DatedValue> misfits = format is { } f2 ? tally.MisfitsOf(f2) : [];
        return new DateColumnDetection(format, tally.Values, format is { } f3 ? tally.Reads[f3] : best, tied, tally.Samples, misfits);
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

/// <summary>
/// The figures of <see cref="DateColumnDetection"/> gathered one value at a time, so that detection reads a
/// column of any length without keeping it (R-IMP-11): per format how many values it reads and the first
/// values it cannot read, and the first samples.
/// </summary>
internal sealed class DateColumnTally
{
    private const int Kept = 3;
    private readonly Dictionary<DateFormat, List<DatedValue>> _misfits = DateFormats.Concrete.ToDictionary(f => f, _ => new List<DatedValue>());
    private readonly List<DatedValue> _samples = [];

    public Dictionary<DateFormat, int> Reads { get; } = DateFormats.Concrete.ToDictionary(f => f, _ => 0);

    public int Values { get; private set; }

    public IReadOnlyList<DatedValue> Samples => _samples;

    public void Add(DatedValue value)
    {
        if (string.IsNullOrWhiteSpace(value.Value))
        {
            return;
        }

        var dated = value with { Value = value.Value.Trim() };
        Values++;
        if (_samples.Count < Kept)
        {
            _samples.Add(dated);
        }

        foreach (var format in DateFormats.Concrete)
        {
            if (format.TryParse(dated.Value, out _))
            {
                Reads[format]++;
            }
            else if (_misfits[format].Count < Kept)
            {
                _misfits[format].Add(dated);
            }
        }
    }

    public IReadOnlyList<DatedValue> MisfitsOf(DateFormat format) =>
        _misfits.TryGetValue(format, out var misfits) ? misfits : [];

    public DateColumnDetection Result(DateFormat? chosen) => DateColumnDetection.Of(this, chosen);
}
