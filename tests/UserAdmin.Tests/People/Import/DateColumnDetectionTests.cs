using UserAdmin.Core.Csv;
using UserAdmin.Core.People;
using UserAdmin.Core.People.Import;

namespace UserAdmin.Tests.People.Import;

/// <summary>R-IMP-12 straight on detect and <see cref="MappingCheck.ResolveDateFormats"/>: the format that reads the most values wins, a tie asks.</summary>
public sealed class DateColumnDetectionTests
{
    public static TheoryData<string[], DateFormat?, int> Columns => new()
    {
        // the column's values, the format detect settles on (null: it asks), how many values that format cannot read
        { ["2024-01-15", "2024-02-29"], DateFormat.YearMonthDayDash, 0 },
        { ["2024-01-15", "2025-13-45", "2024-02-01"], DateFormat.YearMonthDayDash, 1 },
        { ["25/12/2023", "3/7/2021", "31/1/2020"], DateFormat.DayMonthYear, 0 },
        { ["12/25/2023", "3/7/2021", "1/31/2020", "12/31/99"], DateFormat.MonthDayYear, 1 },
        { ["25/12/2023", "13/1/2020", "12/25/2023"], DateFormat.DayMonthYear, 1 },
        { ["2024/01/15", "2024-01-16", "2024/01/17"], DateFormat.YearMonthDaySlash, 1 },
        { ["3/7/2021", "4/8/2021"], null, 0 },
        { ["25/12/2023", "12/25/2023"], null, 0 },
        { ["2024-01-15", "2024/01/15"], null, 0 },
        { ["2025-13-45"], DateFormat.YearMonthDayDash, 1 },
        { ["", "  "], DateFormat.YearMonthDayDash, 0 },
        { [], DateFormat.YearMonthDayDash, 0 },
    };

    [Theory] // R-IMP-12: detect by majority; the misfits are counted, not blocking
    [MemberData(nameof(Columns))]
    public void Detect_picks_the_format_that_reads_the_most_values(string[] values, DateFormat? expected, int misfits)
    {
        var detection = DateColumnDetection.Detect(values.Select((v, i) => new DatedValue(i + 2, v)));

        Assert.Equal(expected, detection.Format);
        Assert.Equal(misfits, detection.MisfitCount);
    }

    [Fact] // R-IMP-12: the misfits name their line and value, for the map step
    public void Misfits_name_their_line_and_value()
    {
        var detection = DateColumnDetection.Detect([new(2, "2024-01-15"), new(3, "2025-13-45"), new(4, "2024-02-01")]);

        Assert.Equal([new DatedValue(3, "2025-13-45")], detection.Misfits);
        Assert.Equal("YYYY-MM-DD reads 2 of 3 values; the other is a row error (line 3: \"2025-13-45\").", detection.Summary());
        Assert.Equal("2024-01-15 → 2024-01-15", detection.Describe(detection.Samples[0]));
    }

    [Fact] // R-IMP-12: a chosen format is reported with what it reads, never replaced
    public void A_chosen_format_stays_chosen()
    {
        var detection = DateColumnDetection.With(DateFormat.DayMonthYear, [new(2, "12/25/2023"), new(3, "1/2/2023")]);

        Assert.Equal(DateFormat.DayMonthYear, detection.Format);
        Assert.Equal(1, detection.MisfitCount);
    }

    public static TheoryData<string[], DateFormat, string?> Resolutions => new()
    {
        // Activated's values, the format chosen on the map step, and the blocking problem's start (null: resolved)
        { ["2024-01-15", "2025-13-45"], DateFormat.Detect, null },
        { ["3/7/2021", "4/8/2021"], DateFormat.Detect, "the dates in the column \"Activated\" mapped to Activated fit both DD/MM/YYYY and MM/DD/YYYY (no day is above 12)." },
        { ["25/12/2023", "12/25/2023"], DateFormat.Detect, "the dates in the column \"Activated\" mapped to Activated are read by DD/MM/YYYY and MM/DD/YYYY equally often (1 of 2 values each)." },
        { ["3/7/2021", "4/8/2021"], DateFormat.MonthDayYear, null },
        { ["25/12/2023", "12/25/2023"], DateFormat.DayMonthYear, null },
    };

    [Theory] // R-IMP-12: only a tie blocks the preview; everything else resolves and leaves the misfits to the rows
    [MemberData(nameof(Resolutions))]
    public void Resolve_blocks_only_on_a_tie(string[] values, DateFormat chosen, string? problem)
    {
        var records = values.Select((v, i) => new CsvRecord(i + 2, ["x", v], null)).ToList();
        var mapping = new ImportMapping(
            new Dictionary<PersonField, string> { [PersonField.Email] = "Email", [PersonField.Activated] = "Activated" },
            new Dictionary<PersonField, DateFormat> { [PersonField.Activated] = chosen });
        var indexes = new Dictionary<PersonField, int> { [PersonField.Email] = 0, [PersonField.Activated] = 1 };
        var problems = new List<CsvProblem>();
        var notices = new List<string>();

        var resolved = MappingCheck.ResolveDateFormats(records, mapping, indexes, problems, notices);

        Assert.Equal(problem, problems.SingleOrDefault()?.Message.Split(" Choose")[0]);
        Assert.Equal(problem is null, resolved.ContainsKey(PersonField.Activated));
        if (problem is null && chosen == DateFormat.Detect)
        {
            Assert.Equal("Activated: detected YYYY-MM-DD in column \"Activated\" (YYYY-MM-DD reads 1 of 2 values; the other is a row error (line 3: \"2025-13-45\").)", Assert.Single(notices));
        }
    }
}
