using UserAdmin.Core.People;
using UserAdmin.Core.People.Import;
using UserAdmin.Core.TimeZones;

namespace UserAdmin.Tests.People.Import;

/// <summary>R-USR-4, R-USR-2, R-IMP-3, R-EXP-4 straight on <see cref="CellReader"/>: one row per kind of cell, no HTTP.</summary>
public sealed class CellReaderTests
{
    private static readonly PeopleReferenceData References = new(
        new ReferenceSet("role", [new(1, "Agent"), new(2, "Supervisor")]),
        new ReferenceSet("team", [new(1, "Alpha"), new(2, "Bravo")]),
        new ReferenceSet("group", [new(1, "North")]),
        new ReferenceSet("QM view", [new(1, "All Calls")]),
        new HashSet<int>(),
        new Dictionary<int, UserAdmin.Core.Users.Permissions>());

    private static readonly CellReader Reader = new(References, TimeZoneCatalogue.Shipped);

    public static TheoryData<PersonField, string, string?, string?> Cells => new()
    {
        // field, raw cell, canonical value, start of the problem (null: read)
        { PersonField.UserId, " 19 ", "19", null },
        { PersonField.UserId, "19.0", "19", null },
        { PersonField.UserId, "19.5", null, "is not a user id" },
        { PersonField.UserId, "-5", null, "is not a user id" },
        { PersonField.FirstName, "  Zoë  ", "Zoë", null },
        { PersonField.FirstName, new string('f', 101), null, "is 101 characters long; at most 100 are allowed." },
        { PersonField.FirstName, "", null, null },
        { PersonField.EmployeeId, "000123", "000123", null },
        { PersonField.Email, "ann.lee@example.com", "ann.lee@example.com", null },
        { PersonField.Email, "zoë@exämple.com", null, "is not a valid email address" },
        { PersonField.Email, "no.domain@localhost", null, "is not a valid email address" },
        { PersonField.Activated, "2024-1-5", "2024-01-05", null },
        { PersonField.Activated, "2024-13-01", null, "is not a date in the format YYYY-MM-DD of this column" },
        { PersonField.Deactivated, "2999-12-31", null, null },
        { PersonField.Deactivated, "2030-01-01", "2030-01-01", null },
        { PersonField.EnableScheduling, "true", "TRUE", null },
        { PersonField.EnableScheduling, "", "FALSE", null },
        { PersonField.EnableScheduling, "yes", null, "is not a boolean: expected TRUE or FALSE" },
        { PersonField.Rank, "7", "7", null },
        { PersonField.Rank, "2147483648", null, "is not a rank" },
        { PersonField.Rank, "'=1+1", null, "is not a rank" },
        { PersonField.DisplayTimeZone, "europe/berlin", "Europe/Berlin", null },
        { PersonField.DisplayTimeZone, "Europe/Berln", null, "is not a known time zone; the closest valid name is \"Europe/Berlin\"." },
        { PersonField.Locale, "en_US", "en-US", null },
        { PersonField.Locale, "xx_XX", null, "is not a known locale" },
        { PersonField.Team, "alpha", "Alpha", null },
        { PersonField.Team, "Alpah", null, "is not an existing team; did you mean \"Alpha\"?" },
        { PersonField.MemberGroup, "Westside", null, "is not an existing group." },
        { PersonField.Roles, "supervisor; Agent;", "Agent;Supervisor", null },
        { PersonField.Roles, "Agent; agent", null, "lists \"agent\" twice." },
        { PersonField.ScopeTeams, "Alpha;Zulu", null, "contains \"Zulu\", which is not an existing team." },
        { PersonField.QmViews, "all calls", "All Calls", null },
        { PersonField.SkillMappings, "Sales; Support", "Sales;Support", null },
        { PersonField.WorkConditionProfile, "'=SUM(A1)", "=SUM(A1)", null },
    };

    [Theory] // R-USR-4: trimmed, lenient in case, never guessed; R-USR-2: 2999-12-31 activates; R-EXP-4: the guard is removed
    [MemberData(nameof(Cells))]
    public void A_cell_reads_as_its_canonical_value_or_says_what_was_expected(PersonField field, string raw, string? canonical, string? problem)
    {
        var cell = Reader.Read(PersonFields.Of(field), raw, DateFormat.YearMonthDayDash);

        Assert.Equal(canonical, cell.Canonical);
        if (problem is null)
        {
            Assert.Null(cell.Problem);
        }
        else
        {
            Assert.StartsWith(problem, cell.Problem, StringComparison.Ordinal);
        }
    }

    [Theory] // R-IMP-3: a date cell is read in the column's format, whichever it is
    [InlineData(DateFormat.DayMonthYear, "3/7/2021", "2021-07-03")]
    [InlineData(DateFormat.MonthDayYear, "3/7/2021", "2021-03-07")]
    [InlineData(DateFormat.YearMonthDaySlash, "2021/3/7", "2021-03-07")]
    [InlineData(DateFormat.MonthDayYear, "12/31/2999", null)]
    public void A_date_is_read_in_its_column_s_format(DateFormat format, string raw, string? canonical)
    {
        var cell = Reader.Read(PersonFields.Of(PersonField.Deactivated), raw, format);

        Assert.Null(cell.Problem);
        Assert.Equal(canonical, cell.Canonical);
    }
    // R-USR-4: the quick check of common addresses never accepts what the full rule (MailAddress, unchanged, a dotted host) refuses.
    [Fact]
    public void The_quick_email_check_accepts_only_what_the_full_rule_accepts()
    {
        // Every local part and host of up to three characters of this alphabet, with and without a dotted ending.
        const string alphabet = "a1.-_+@ é";
        var parts = new List<string> { "" };
        for (var length = 1; length <= 3; length++)
        {
            parts.AddRange(parts.Where(p => p.Length == length - 1).SelectMany(p => alphabet.Select(c => p + c)).ToList());
        }

        var candidates = parts.SelectMany(local => parts.SelectMany(host => new[] { $"{local}@{host}", $"{local}@{host}.com", $"x{local}@{host}x.example" }));
        var checkedQuickly = 0;
        foreach (var candidate in candidates)
        {
            if (CellReader.IsPlainAddress(candidate))
            {
                checkedQuickly++;
                Assert.True(
                    System.Net.Mail.MailAddress.TryCreate(candidate, out var address) && address.Address == candidate && address.Host.Contains('.', StringComparison.Ordinal),
                    $"'{candidate}' passed the quick check but not the full rule.");
            }
        }

        Assert.True(checkedQuickly > 10_000, $"only {checkedQuickly} candidates took the quick check");
        Assert.True(CellReader.IsPlainAddress("ann.lee+work@mail.example.com"));
        Assert.False(CellReader.IsPlainAddress("ann..lee@example.com"));
        Assert.False(CellReader.IsPlainAddress("ann@-example.com"));
    }
}
