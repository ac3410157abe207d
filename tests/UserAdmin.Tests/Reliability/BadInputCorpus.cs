using System.Text;
using UserAdmin.Core.DemoData;
using UserAdmin.Core.People;
using UserAdmin.Core.Uploads;
using UserAdmin.Tests.Infrastructure;
using UserAdmin.Tests.People;

namespace UserAdmin.Tests.Reliability;

/// <summary>
/// The bad-input corpus of issue 8 for the people import: every file is generated here, with the exact
/// message the administrator must see and the line it must name. Row cases put the bad row on line 3,
/// after a valid row, so that a message naming the wrong line (or the valid row) fails.
/// </summary>
public static class BadInputCorpus
{
    private const string Header = "User ID,First Name,Last Name,Email";
    private const string ValidRow = "0,Valid,Row,valid.row@example.com";
    private const string NotABoolean = "is not a boolean: expected TRUE or FALSE (in any letter case).";
    private const string NotARank = "is not a rank: expected a whole number from 0 to 2147483647.";
    private const string NotAnEmail = "is not a valid email address: expected the form name@example.com, without spaces or accented letters.";
    private const string NeverClosed = "the quote that opens this value is never closed, so everything after it up to the end of the file would be read as one value.";

    private static readonly UploadLimits Defaults = new();

    public static IReadOnlyList<BadInput> All { get; } =
        [.. FileProblems(), .. ShapeProblems(), .. DateProblems(), .. ValueProblems(), .. ReferenceProblems(), .. RowRuleProblems()];

    public static TheoryData<BadInput> Cases => new(All);

    /// <summary>R-IMP-1: files refused on the upload page before anything is stored.</summary>
    private static IEnumerable<BadInput> FileProblems()
    {
        var people = Csv(Header, ValidRow, "0,Zoë,Brontë,zoe.bronte@example.com");
        yield return Refused("empty-file", () => [], "The file is empty.");
        yield return Refused("bom-only", () => [0xEF, 0xBB, 0xBF], "The file is empty.");
        yield return Refused("whitespace-only", Utf8("  \r\n\t\r\n"), "The file is empty.");
        yield return Refused("only-delimiters", Utf8(",,,\r\n,,\r\n\r\n"), "The file has no header row: it is empty or holds only blank lines.");
        yield return Refused("header-only", Utf8(Csv(Header)), "The file has a header row but no data rows.");
        yield return Refused("header-and-blank-rows", Utf8(Csv(Header, ",,,", "", " , , , ")), "The file has a header row but no data rows.");
        yield return Refused("binary-executable", () => [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x00, 0x3E, 0x00],
            "This is not a CSV text file: it contains binary data (a zero byte at position 7).");
        yield return Refused("xlsx-workbook", () => [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00, .. "[Content_Types].xml"u8],
            "This is not a CSV text file: it contains binary data (a zero byte at position 5).");
        yield return Refused("pdf-document", () => [.. "%PDF-1.7\n%"u8, 0xE2, 0xE3, 0xCF, 0xD3, 0x0A], "The file is not valid UTF-8 text (an invalid byte on line 2)");
        yield return Refused("control-character", Utf8(Csv(Header, "0,Bell\u0007,Ring,bell.ring@example.com")), "line 2 contains the control character U+0007");
        yield return Refused("windows-1252", () => Encoding.Latin1.GetBytes(people), "The file is not valid UTF-8 text (an invalid byte on line 3)");
        yield return Refused("utf16-le-without-bom", () => Encoding.Unicode.GetBytes(people), "The file looks like UTF-16 text without a byte order mark");
        yield return Refused("utf16-be-without-bom", () => Encoding.BigEndianUnicode.GetBytes(people), "The file looks like UTF-16 text without a byte order mark");
        yield return Refused("utf16-cut-off", () => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(people), 0x41],
            "The file is not valid UTF-16 text (an invalid byte on line 4)");
        yield return Refused("utf32", () => [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(people)], "The file is UTF-32 text, which the import does not read.");
        yield return Refused("duplicate-header", Utf8(Csv(Header + ",Email", ValidRow + ",")), "columns 4 and 5 are both named \"Email\".", line: 1);
        yield return Refused("duplicate-header-other-case", Utf8(Csv(Header + ",EMAIL", ValidRow + ",")), "columns 4 and 5 are both named \"EMAIL\".", line: 1);
        yield return Refused("blank-header", Utf8(Csv("User ID,First Name,,Last Name,Email", "0,Valid,,Row,valid.row@example.com")),
            "column 3 of the header row has no name.", line: 1);
        yield return Refused("header-mixing-delimiters", Utf8(Csv("User ID,First Name;Last Name,Email", "0,Valid;Row,valid.row@example.com")),
            "column 2 of the header row, \"First Name;Last Name\", contains a semicolon although the header row is comma-separated: the file mixes delimiters.", line: 1);
        yield return Refused("pipe-separated", Utf8(Csv(Header.Replace(',', '|'), ValidRow.Replace(',', '|'))),
            "the header row is one column, \"User ID|First Name|Last Name|Email\", which seems to be separated by pipe (|) characters.", line: 1);
        yield return Refused("colon-separated", Utf8(Csv(Header.Replace(',', ':'), ValidRow.Replace(',', ':'))),
            "which seems to be separated by colon (:) characters. The import reads files separated by commas, semicolons or tabs", line: 1);
        yield return Refused("unclosed-quote-at-end-of-file", Utf8(Csv(Header, ValidRow, "0,Ann,Lee,\"ann.lee@example.com")), NeverClosed, line: 3);
        yield return Refused("unclosed-quote-mid-file", Utf8(Csv(Header, ValidRow, "0,\"Ann,Lee,ann.lee@example.com", "0,Bob,Ray,bob.ray@example.com")), NeverClosed, line: 3);
        yield return Refused("unclosed-quote-in-header", Utf8(Csv("\"User ID,First Name,Last Name,Email", ValidRow)), NeverClosed, line: 1);
        yield return Refused("larger-than-50-mb", () => Padded(Defaults.MaxFileBytes + 1),
            "The file is 50.0 MB (52,428,801 bytes); the largest file one upload takes is 50 MB (52,428,800 bytes).");
        yield return Refused("more-than-150000-rows", () => NewPeople(Defaults.MaxRows + 1),
            "The file has more than 150,000 data rows, the most one import takes.");
    }

    /// <summary>R-IMP-1: rows that do not line up with the header, and line numbers across quoted line breaks, CR-only lines and tabs.</summary>
    private static IEnumerable<BadInput> ShapeProblems()
    {
        yield return Row("row-with-too-many-fields", "0,Too,Many,too.many@example.com,extra", "this row has 5 values but the header has 4 columns.", column: "");
        yield return Row("row-with-too-few-fields", "0,Too,few", "this row has 3 values but the header has 4 columns.", column: "");
        yield return Row("row-with-other-delimiter", "0;Semi;Colon;semi.colon@example.com",
            "this row has 1 value but the header has 4 columns: the row is separated by semicolons while the header row uses commas.", column: "");
        yield return new BadInput("line-after-a-value-spanning-two-lines", Utf8(Csv(Header + ",Full Scope", "0,\"Two\r\nLines\",Row,two.lines@example.com,", "0,Bad,Cell,bad.cell@example.com,yes")),
            ShownOn.ErrorsTable, $"the value \"yes\" {NotABoolean}", 4) { Column = "Full Scope", SheetRow = 3 };
        yield return new BadInput("old-mac-line-endings", Utf8($"{Header},Full Scope\r{ValidRow},\r0,Bad,Cell,bad.cell@example.com,yes\r"),
            ShownOn.ErrorsTable, $"the value \"yes\" {NotABoolean}", 3) { Column = "Full Scope" };
        yield return new BadInput("tab-separated-with-a-bad-row", Utf8(Csv(Header.Replace(',', '\t') + "\tRank", ValidRow.Replace(',', '\t') + "\t", "0\tBad\tCell\tbad.cell@example.com\t-3")),
            ShownOn.ErrorsTable, $"the value \"-3\" {NotARank}", 3) { Column = "Rank" };
        yield return Row("text-after-closing-quote", "0,\"Ann\"ie,Lee,annie.lee@example.com", "the value \"Ann\"ie has text after its closing quote.", column: "First Name");
    }

    /// <summary>R-IMP-2 detect and R-IMP-3: dates in every wrong shape, with the format detected or chosen.</summary>
    private static IEnumerable<BadInput> DateProblems()
    {
        // R-IMP-12: detect takes the format that reads the most values; the one it cannot read is a row error, not a blocked preview.
        yield return new BadInput("date-detect-majority-leaves-a-misfit", Utf8(Csv($"{Header},Activated", $"{ValidRow},2024-01-15", "0,Bad,Date,bad.date@example.com,2024-13-01", "0,Good,Date,good.date@example.com,2024-02-29")),
            ShownOn.ErrorsTable, $"the value \"2024-13-01\" {NotADate(DateFormat.YearMonthDayDash)}", 3) { Column = "Activated" };
        yield return Blocked("date-detect-mixed-formats-tie", "Company Start Date", "25/12/2023", "12/25/2023",
            "the dates in the column \"Company Start Date\" mapped to Company Start Date are read by DD/MM/YYYY and MM/DD/YYYY equally often (1 of 2 values each).", line: null);
        yield return Blocked("date-detect-ambiguous", "Activated", "3/7/2021", "4/8/2021",
            "the dates in the column \"Activated\" mapped to Activated fit both DD/MM/YYYY and MM/DD/YYYY (no day is above 12).", line: null);
        yield return Cell("date-two-digit-year", "Company Start Date", "07/03/21", NotADate(DateFormat.DayMonthYear), DateFormat.DayMonthYear);
        yield return Cell("date-31-february", "Company Start Date", "31/02/2024", NotADate(DateFormat.DayMonthYear), DateFormat.DayMonthYear);
        yield return Cell("date-as-text", "Activated", "next Monday", NotADate(DateFormat.YearMonthDayDash), DateFormat.YearMonthDayDash);
        yield return Cell("date-month-13", "Department Start Date", "2024-13-01", NotADate(DateFormat.YearMonthDayDash), DateFormat.YearMonthDayDash);
        yield return Cell("date-with-time", "Activated", "2024-01-15 09:30", NotADate(DateFormat.YearMonthDayDash), DateFormat.YearMonthDayDash);
        yield return Cell("deactivated-two-digit-year", "Deactivated", "12/31/99", NotADate(DateFormat.MonthDayYear), DateFormat.MonthDayYear);
    }

    /// <summary>
    /// R-USR-4 and DESIGN 2.1: booleans, Rank, lengths, emails; and formula cells, read as the values they are
    /// once R-EXP-4's neutralising apostrophe is removed (so <c>'=1+1</c> in Rank is still not a rank).
    /// </summary>
    private static IEnumerable<BadInput> ValueProblems()
    {
        yield return Cell("boolean-yes", "Enable Scheduling", "yes", NotABoolean);
        yield return Cell("boolean-1", "Full Scope", "1", NotABoolean);
        yield return Cell("boolean-x", "Enable Scheduling", "x", NotABoolean);
        yield return Cell("boolean-longer-than-five-letters", "Full Scope", "unchecked", NotABoolean);
        yield return Cell("rank-negative", "Rank", "-1", NotARank);
        yield return Cell("rank-huge", "Rank", "99999999999", NotARank);
        yield return Cell("rank-just-over-the-largest", "Rank", "2147483648", NotARank);
        yield return Cell("rank-with-decimals", "Rank", "2.5", NotARank);
        yield return Row("first-name-101-characters", $"0,{new string('f', 101)},Long,long.first@example.com", "is 101 characters long; at most 100 are allowed.", "First Name");
        yield return Row("last-name-101-characters", $"0,Long,{new string('l', 101)},long.last@example.com", "is 101 characters long; at most 100 are allowed.", "Last Name");
        yield return Row("email-with-space", "0,Ann,Space,ann lee@example.com", $"the value \"ann lee@example.com\" {NotAnEmail}", "Email");
        yield return Row("email-with-unicode", "0,Zoë,Unicode,zoë@exämple.com", $"the value \"zoë@exämple.com\" {NotAnEmail}", "Email");
        yield return Row("email-without-domain", "0,No,Domain,no.domain@localhost", $"the value \"no.domain@localhost\" {NotAnEmail}", "Email");
        yield return Row("formula-in-email", "0,Formula,Mail,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"", NotAnEmail, "Email");
        yield return Cell("formula-in-rank", "Rank", "=1+1", NotARank);
        yield return Cell("neutralised-formula-in-rank", "Rank", "'=1+1", NotARank);
        yield return Cell("formula-in-team", "Team", "@Alpha", "is not an existing team; did you mean \"Alpha\"?");
    }

    /// <summary>R-USR-4: every kind of unknown reference and duplicate items in a ;-list.</summary>
    private static IEnumerable<BadInput> ReferenceProblems()
    {
        yield return Cell("unknown-team", "Team", "Alpah", "the value \"Alpah\" is not an existing team; did you mean \"Alpha\"?");
        yield return Cell("unknown-member-group", "Member Group", "Nroth", "the value \"Nroth\" is not an existing group; did you mean \"North\"?");
        yield return Cell("unknown-max-staffing-group", "Max Staffing Group", "Westside", "the value \"Westside\" is not an existing group.");
        yield return Cell("unknown-role", "Roles", "Agent;Agnet", "the value \"Agent;Agnet\" contains \"Agnet\", which is not an existing role; did you mean \"Agent\"?");
        yield return Cell("unknown-scope-team", "Scope Teams", "Alpha;Zulu", "the value \"Alpha;Zulu\" contains \"Zulu\", which is not an existing team.");
        yield return Cell("unknown-scope-group", "Scope Groups", "North;Eastern", "the value \"North;Eastern\" contains \"Eastern\", which is not an existing group.");
        yield return Cell("unknown-qm-view", "QM Views", "All Call", "the value \"All Call\" contains \"All Call\", which is not an existing QM view; did you mean \"All Calls\"?");
        yield return Cell("unknown-display-time-zone", "Display Time Zone", "Europe/Berln", "the value \"Europe/Berln\" is not a known time zone; the closest valid name is \"Europe/Berlin\".");
        yield return Cell("unknown-scheduling-time-zone", "Scheduling Time Zone", "America/New York", "the value \"America/New York\" is not a known time zone; the closest valid name is \"America/New_York\".");
        yield return Cell("unknown-locale", "Locale", "xx_XX", "the value \"xx_XX\" is not a known locale: expected a culture name such as en_US or en-US.");
        yield return Cell("duplicate-role", "Roles", "Agent; agent", "the value \"Agent; agent\" lists \"agent\" twice.");
        yield return Cell("duplicate-scope-team", "Scope Teams", "Alpha;Bravo;ALPHA", "the value \"Alpha;Bravo;ALPHA\" lists \"ALPHA\" twice.");
        yield return Cell("duplicate-skill", "Skill Mappings", "Sales;sales", "the value \"Sales;sales\" lists \"sales\" twice.");
    }

    /// <summary>R-IMP-4 and R-IMP-6: rules across cells and rows (matching, duplicates in the file, keys of other users).</summary>
    private static IEnumerable<BadInput> RowRuleProblems()
    {
        yield return new BadInput("company-end-before-start", Utf8(Csv(Header + ",Company Start Date,Company End Date", ValidRow + ",,", "0,End,Early,end.early@example.com,2021-06-01,2020-01-31")),
            ShownOn.ErrorsTable, "Company End Date 2020-01-31 is before Company Start Date 2021-06-01.", 3) { Column = "Company End Date" };
        yield return Row("first-name-blank", "0,,Blank,first.blank@example.com", "First Name is required and is blank.", "First Name");
        yield return Row("user-id-blank", ",Blank,Id,blank.id@example.com", "User ID is blank. A new user's User ID must be set to 0 (zero); an existing user's must be their number.", "User ID");
        yield return Row("user-id-not-a-number", "abc,Not,Number,not.number@example.com", "the value \"abc\" is not a user id: expected 0 for a new user or the number of an existing user.", "User ID");
        yield return Row("user-id-negative", "-5,Minus,Five,minus.five@example.com", "the value \"-5\" is not a user id", "User ID");
        yield return Row("user-id-does-not-exist", "999999,Ghost,User,ghost.user@example.com", "there is no user with User ID 999999 in your view. Use 0 (zero) to create a new user.", "User ID");
        yield return new BadInput("duplicate-email-in-file", Utf8(Csv(Header, "0,Dup,One,dup@example.com", "0,Dup,Two,DUP@EXAMPLE.COM")),
            ShownOn.ErrorsTable, "the Email \"DUP@EXAMPLE.COM\" is also used on line 2 of this file; each user may appear only once", 3) { Column = "Email" };
        yield return new BadInput("duplicate-login-in-file", Utf8(Csv(Header + ",Login", "0,Log,One,log.one@example.com,same.login", "0,Log,Two,log.two@example.com,SAME.LOGIN")),
            ShownOn.ErrorsTable, "the Login \"SAME.LOGIN\" is also used on line 2 of this file; each user may appear only once", 3) { Column = "Login" };
        yield return new BadInput("duplicate-user-id-in-file", Utf8(Csv(Header, $"1,Tenant,Administrator,{TestAccounts.AdminEmail}", "1,Admin,Again,admin.again@example.com")),
            ShownOn.ErrorsTable, "the User ID \"1\" is also used on line 2 of this file; each user may appear only once", 3) { Column = "User ID" };
        yield return Row("email-of-another-user", $"0,Copy,Cat,{DemoTenant.AgentEmail}", $"the Email \"{DemoTenant.AgentEmail}\" already belongs to another user; it must be unique.", "Email");
        yield return Cell("login-of-another-user", "Login", "amorgan", "the Login \"amorgan\" already belongs to another user; it must be unique.");
    }

    private static BadInput Refused(string id, Func<byte[]> file, string message, int? line = null) =>
        new(id, file, ShownOn.UploadPage, message, line);

    private static BadInput Blocked(string id, string column, string validValue, string badValue, string message, int? line) =>
        new(id, Utf8(Csv($"{Header},{column}", $"{ValidRow},{validValue}", $"0,Bad,Date,bad.date@example.com,{badValue}")), ShownOn.PreviewPage, message, line) { Column = column };

    /// <summary>A file whose line 3 is <paramref name="row"/>, under the base header and a valid row.</summary>
    private static BadInput Row(string id, string row, string message, string column) =>
        new(id, Utf8(Csv(Header, ValidRow, row)), ShownOn.ErrorsTable, message, 3) { Column = column };

    /// <summary>A file with one more column, blank on the valid line 2 and <paramref name="value"/> on line 3.</summary>
    private static BadInput Cell(string id, string column, string value, string message, DateFormat? format = null)
    {
        var input = new BadInput(id, Utf8(Csv($"{Header},{column}", $"{ValidRow},", $"0,Bad,Cell,bad.cell@example.com,{value}")), ShownOn.ErrorsTable, message, 3) { Column = column };
        var field = PersonFields.All.Single(f => f.Header == column).Field;
        return format is { } chosen ? input with { Mapping = new Dictionary<string, string> { [$"format.{field}"] = chosen.ToString() } } : input;
    }

    private static string NotADate(DateFormat format) =>
        $"is not a date in the format {format.Pattern()} of this column (a 1- or 2-digit day and month and a 4-digit year).";

    private static string Csv(params string[] lines) => string.Concat(lines.Select(line => line + "\r\n"));

    private static Func<byte[]> Utf8(string text) => () => ImportSteps.Utf8(text);

    private static byte[] NewPeople(int rows)
    {
        var text = new StringBuilder(Csv(Header), rows * 40);
        for (var i = 0; i < rows; i++)
        {
            text.Append("0,Many,Rows,many.rows.").Append(i).Append("@example.com\r\n");
        }

        return ImportSteps.Utf8(text.ToString());
    }

    /// <summary>A plausible people file cut to exactly <paramref name="size"/> bytes.</summary>
    private static byte[] Padded(long size)
    {
        var file = new byte[size];
        var rows = NewPeople((int)(size / 30) + 1); // a row is over 30 bytes
        Array.Copy(rows, file, Math.Min(rows.Length, file.Length));
        return rows.Length >= size ? file : throw new InvalidOperationException("Generate more rows to fill the file.");
    }
}
