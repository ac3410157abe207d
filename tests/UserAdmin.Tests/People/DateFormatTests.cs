using NodaTime;
using UserAdmin.Core.People;

namespace UserAdmin.Tests.People;

/// <summary>R-IMP-3 and R-EXP-2 straight on <see cref="DateFormats"/>: every format against every shape of text, no HTTP.</summary>
public sealed class DateFormatTests
{
    public static TheoryData<DateFormat, string, string?> Readings => new()
    {
        // format, text, the date read (ISO) or null when it is not a date in that format
        { DateFormat.YearMonthDayDash, "2024-01-15", "2024-01-15" },
        { DateFormat.YearMonthDayDash, "2024-1-5", "2024-01-05" },
        { DateFormat.YearMonthDayDash, "2024-02-29", "2024-02-29" },
        { DateFormat.YearMonthDayDash, "2023-02-29", null },
        { DateFormat.YearMonthDayDash, "2024-13-01", null },
        { DateFormat.YearMonthDayDash, "2024/01/15", null },
        { DateFormat.YearMonthDayDash, "24-01-15", null },
        { DateFormat.YearMonthDayDash, "2024-01-15 09:30", null },
        { DateFormat.YearMonthDayDash, "2024-001-15", null },
        { DateFormat.YearMonthDayDash, "0000-01-01", null },
        { DateFormat.YearMonthDayDash, "+2024-01-15", null },
        { DateFormat.DayMonthYear, "25/12/2023", "2023-12-25" },
        { DateFormat.DayMonthYear, "3/7/2021", "2021-07-03" },
        { DateFormat.DayMonthYear, "12/25/2023", null },
        { DateFormat.DayMonthYear, "07/03/21", null },
        { DateFormat.DayMonthYear, "31/02/2024", null },
        { DateFormat.MonthDayYear, "12/25/2023", "2023-12-25" },
        { DateFormat.MonthDayYear, "3/7/2021", "2021-03-07" },
        { DateFormat.MonthDayYear, "25/12/2023", null },
        { DateFormat.MonthDayYear, "12/31/2999", "2999-12-31" },
        { DateFormat.YearMonthDaySlash, "2024/01/15", "2024-01-15" },
        { DateFormat.YearMonthDaySlash, "2024-01-15", null },
        { DateFormat.YearMonthDaySlash, "", null },
        { DateFormat.YearMonthDaySlash, "next Monday", null },
    };

    [Theory] // R-IMP-3: one- or two-digit day and month, a four-digit year, the format's separator
    [MemberData(nameof(Readings))]
    public void A_format_reads_exactly_its_own_dates(DateFormat format, string text, string? expected)
    {
        var read = format.TryParse(text, out var date);

        Assert.Equal(expected, read ? date.ToString("yyyy-MM-dd", null) : null);
    }

    [Fact] // R-EXP-2, R-IMP-3: every date written in a format reads back as the same date, in every format
    public void Every_format_reads_back_what_it_writes()
    {
        var dates = new[] { new LocalDate(2024, 1, 5), new LocalDate(1999, 12, 31), new LocalDate(2999, 12, 31), new LocalDate(2024, 2, 29) };
        foreach (var format in DateFormats.Concrete)
        {
            foreach (var date in dates)
            {
                Assert.True(format.TryParse(format.Format(date), out var read), $"{format} {format.Format(date)}");
                Assert.Equal(date, read);
            }
        }
    }

    [Theory] // R-IMP-2: the map step's pattern text and the enum name both select a format
    [InlineData("DD/MM/YYYY", DateFormat.DayMonthYear)]
    [InlineData(" mm/dd/yyyy ", DateFormat.MonthDayYear)]
    [InlineData("YearMonthDaySlash", DateFormat.YearMonthDaySlash)]
    [InlineData("detect", DateFormat.Detect)]
    public void Pattern_text_names_its_format(string text, DateFormat expected)
    {
        Assert.True(DateFormats.TryParsePattern(text, out var format));
        Assert.Equal(expected, format);
    }

    [Fact] // R-IMP-2: an unknown pattern is refused, not guessed
    public void Unknown_pattern_is_refused() => Assert.False(DateFormats.TryParsePattern("D.M.YYYY", out _));
}
