using System.Globalization;
using NodaTime;

namespace UserAdmin.Core.People;

/// <summary>The four date formats of the seed (R-IMP-2), plus <see cref="Detect"/> for the map step.</summary>
public enum DateFormat
{
    YearMonthDayDash,
    DayMonthYear,
    MonthDayYear,
    YearMonthDaySlash,
    Detect,
}

/// <summary>Reading and writing dates in one of the seed's formats (R-IMP-3, R-EXP-2).</summary>
public static class DateFormats
{
    public static readonly IReadOnlyList<DateFormat> Concrete =
        [DateFormat.YearMonthDayDash, DateFormat.DayMonthYear, DateFormat.MonthDayYear, DateFormat.YearMonthDaySlash];

    public static string Pattern(this DateFormat format) => format switch
    {
        DateFormat.YearMonthDayDash => "YYYY-MM-DD",
        DateFormat.DayMonthYear => "DD/MM/YYYY",
        DateFormat.MonthDayYear => "MM/DD/YYYY",
        DateFormat.YearMonthDaySlash => "YYYY/MM/DD",
        DateFormat.Detect => "detect",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>Accepts the pattern text a user or URL gives ("DD/MM/YYYY", "detect") or the enum name.</summary>
    public static bool TryParsePattern(string? text, out DateFormat format)
    {
        foreach (var candidate in Concrete.Append(DateFormat.Detect))
        {
            if (string.Equals(text?.Trim(), candidate.Pattern(), StringComparison.OrdinalIgnoreCase)
                || string.Equals(text?.Trim(), candidate.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                format = candidate;
                return true;
            }
        }

        format = DateFormat.YearMonthDayDash;
        return false;
    }

    public static string Format(this DateFormat format, LocalDate date)
    {
        var (y, m, d) = (date.Year, date.Month, date.Day);
        return format switch
        {
            DateFormat.DayMonthYear => string.Create(CultureInfo.InvariantCulture, $"{d:00}/{m:00}/{y:0000}"),
            DateFormat.MonthDayYear => string.Create(CultureInfo.InvariantCulture, $"{m:00}/{d:00}/{y:0000}"),
            DateFormat.YearMonthDaySlash => string.Create(CultureInfo.InvariantCulture, $"{y:0000}/{m:00}/{d:00}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{y:0000}-{m:00}-{d:00}"),
        };
    }

    /// <summary>R-IMP-3: one- or two-digit day and month, four-digit year, the format's separator.</summary>
    public static bool TryParse(this DateFormat format, string text, out LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(text);
        date = default;
        var separator = format == DateFormat.YearMonthDayDash ? '-' : '/';
        Span<Range> parts = stackalloc Range[4];
        var span = text.AsSpan();
        if (span.Split(parts, separator) != 3)
        {
            return false;
        }

        var (yearPart, monthPart, dayPart) = format switch
        {
            DateFormat.DayMonthYear => (parts[2], parts[1], parts[0]),
            DateFormat.MonthDayYear => (parts[2], parts[0], parts[1]),
            _ => (parts[0], parts[1], parts[2]),
        };
        ReadOnlySpan<char> yearText = span[yearPart], monthText = span[monthPart], dayText = span[dayPart];
        if (yearText.Length != 4 || monthText.Length is < 1 or > 2 || dayText.Length is < 1 or > 2
            || !int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(monthText, NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(dayText, NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return false;
        }

        date = new LocalDate(year, month, day);
        return true;
    }

    /// <summary>
    /// R-IMP-2 "detect": the formats that parse every non-blank value. One is the answer; several
    /// (for example only days ≤ 12) or none are reported to the administrator to choose.
    /// </summary>
    public static IReadOnlyList<DateFormat> FormatsFitting(IEnumerable<string> values)
    {
        var fitting = Concrete.ToList();
        var any = false;
        foreach (var value in values)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            any = true;
            var trimmed = value.Trim();
            fitting.RemoveAll(f => !f.TryParse(trimmed, out _));
            if (fitting.Count == 0)
            {
                break;
            }
        }

        return any ? fitting : Concrete;
    }
}
