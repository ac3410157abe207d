using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.People;

/// <summary>R-IMP-1 and R-IMP-3 on real files as spreadsheets write them, and every malformed-file case.</summary>
[Collection(AppTestGroup.Name)]
public sealed class ImportFileTests(ImportFileTests.App app) : IClassFixture<ImportFileTests.App>
{
    public sealed class App : UserAdminAppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
        [
            new("Import:MaxRows", "100"),
            new("Import:MaxFileBytes", "200000"),
        ];
    }

    private const string Header = "User ID,First Name,Last Name,Email";

    private async Task<(TestClient Client, ImportSteps Steps)> SignInAsync()
    {
        var client = await app.SignInAsync(TestAccounts.Admin);
        return (client, new ImportSteps(client));
    }

    [Fact] // R-IMP-1: UTF-8 with BOM and ';' as European Excel saves, with quoted fields holding ';', quotes and newlines
    public async Task European_excel_file_with_semicolons_and_quoted_fields_is_read()
    {
        var (client, steps) = await SignInAsync();
        using var _ = client;
        var text = "User ID;First Name;Last Name;Email;Work Condition Profile\r\n"
            + "0;\"Anne; Marie\";\"O\"\"Neil\";anne.marie@example.com;\"two\r\nlines\"\r\n";

        var previewUrl = await steps.PreviewAsync(ImportSteps.Utf8(text));
        Assert.Null((await steps.ApplyAsync(previewUrl)).Error);

        await using var db = app.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.Email == "anne.marie@example.com");
        Assert.Equal("Anne; Marie", user.FirstName);
        Assert.Equal("O\"Neil", user.LastName);
        Assert.Equal("two\r\nlines", user.WorkConditionProfile);
    }

    [Fact] // R-IMP-1: UTF-16 with BOM, tab-separated (Excel's "Unicode text")
    public async Task Utf16_tab_separated_file_is_read()
    {
        var (client, steps) = await SignInAsync();
        using var _ = client;
        var text = "User ID\tFirst Name\tLast Name\tEmail\r\n0\tZoë\tŁukasiewicz\tzoe.l@example.com\r\n";
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray();

        var previewUrl = await steps.PreviewAsync(bytes);
        Assert.Null((await steps.ApplyAsync(previewUrl)).Error);

        await using var db = app.CreateDbContext();
        Assert.Equal("Łukasiewicz", (await db.Users.SingleAsync(u => u.Email == "zoe.l@example.com")).LastName);
    }

    [Fact] // R-IMP-3: Excel drops leading zeros of days and months; detect picks the one format that fits
    public async Task Dates_without_leading_zeros_are_detected_and_read()
    {
        var (client, steps) = await SignInAsync();
        using var _ = client;
        var text = Header + ",Company Start Date,Activated\r\n0,Dee,Tate,dee.tate@example.com,3/7/2021,25/1/2020\r\n0,Eve,Tate,eve.tate@example.com,12/31/2021,1/2/2020\r\n";

        var previewUrl = await steps.PreviewAsync(ImportSteps.Utf8(text), form => form["format.Activated"] = "DayMonthYear");
        var preview = await steps.PreviewPageAsync(previewUrl);
        Assert.Contains("detected MM/DD/YYYY", preview.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await steps.ApplyAsync(previewUrl)).Error);

        await using var db = app.CreateDbContext();
        var dee = await db.Users.SingleAsync(u => u.Email == "dee.tate@example.com");
        Assert.Equal(new NodaTime.LocalDate(2021, 3, 7), dee.CompanyStartDate);
        Assert.Equal(new NodaTime.LocalDate(2020, 1, 25), dee.Activated);
    }

    [Fact] // R-IMP-2: detect says so when two formats fit
    public async Task Ambiguous_dates_ask_the_administrator_to_choose()
    {
        var (client, steps) = await SignInAsync();
        using var _ = client;
        var text = Header + ",Activated\r\n0,Amb,Iguous,amb@example.com,3/7/2021\r\n";

        var preview = await steps.PreviewPageAsync(await steps.PreviewAsync(ImportSteps.Utf8(text)));

        Assert.Contains("fit both DD/MM/YYYY and MM/DD/YYYY", preview.QuerySelector("#problems")!.TextContent, StringComparison.Ordinal);
    }

    [Theory] // R-IMP-3: the four formats, and a wrong shape names row, column, value and format
    [InlineData("YearMonthDayDash", "2021-03-07", true)]
    [InlineData("DayMonthYear", "07/03/2021", true)]
    [InlineData("MonthDayYear", "03/07/2021", true)]
    [InlineData("YearMonthDaySlash", "2021/03/07", true)]
    [InlineData("DayMonthYear", "31/02/2024", false)]
    [InlineData("DayMonthYear", "07/03/21", false)]
    [InlineData("YearMonthDayDash", "March 7th", false)]
    public async Task Each_date_format_reads_its_dates(string format, string value, bool valid)
    {
        var (client, steps) = await SignInAsync();
        using var _ = client;
        var email = $"date.{Guid.NewGuid():N}@example.com";
        var text = Header + ",Company Start Date\r\n" + $"0,Date,Format,{email},{value}\r\n";

        var previewUrl = await steps.PreviewAsync(ImportSteps.Utf8(text), form => form["format.CompanyStartDate"] = format);
        var preview = await steps.PreviewPageAsync(previewUrl, "?view=Errors");

        if (valid)
        {
            Assert.Null((await steps.ApplyAsync(previewUrl)).Error);
            await using var db = app.CreateDbContext();
            Assert.Equal(new NodaTime.LocalDate(2021, 3, 7), (await db.Users.SingleAsync(u => u.Email == email)).CompanyStartDate);
        }
        else
        {
            var error = preview.QuerySelector("#errors tbody tr")!.TextContent;
            Assert.Contains("2", error, StringComparison.Ordinal);
            Assert.Contains("Company Start Date", error, StringComparison.Ordinal);
            Assert.Contains(value, error, StringComparison.Ordinal);
            Assert.Contains("is not a date in the format", error, StringComparison.Ordinal);
        }
    }

    [Fact] // R-EXP-4 round trip: formula-looking cells survive export and import unchanged
    public async Task Formula_looking_cells_round_trip()
    {
        var (client, steps) = await SignInAsync();
        using var _ = client;
        var values = new[] { "=1+1", "-10", "+49 30 1234", "'already", "'=x", "@handle" };
        await using (var db = app.CreateDbContext())
        {
            var users = await db.Users.Where(u => u.Id > 40).OrderBy(u => u.Id).Take(values.Length).ToListAsync();
            for (var i = 0; i < values.Length; i++)
            {
                users[i].AcdId = values[i];
            }

            await db.SaveChangesAsync();
        }

        var export = PeopleFile.Parse(await steps.ExportAsync());
        var preview = await steps.PreviewPageAsync(await steps.PreviewAsync(export.ToBytes()));

        Assert.Equal("0", preview.QuerySelector("#count-updated")!.TextContent);
        Assert.Equal("0", preview.QuerySelector("#count-invalid")!.TextContent);
    }

    [Theory] // R-IMP-1: every malformed file gets a clear message on the page, never a 500
    [InlineData("empty", "The file is empty")]
    [InlineData("bom-only", "The file is empty")]
    [InlineData("header-only", "header row but no data rows")]
    [InlineData("blank-lines", "no header row")]
    [InlineData("binary", "not a CSV text file")]
    [InlineData("xlsx", "not a CSV text file")]
    [InlineData("windows-1252", "not valid UTF-8")]
    [InlineData("duplicate-header", "are both named \"Email\"")]
    [InlineData("blank-header", "column 3 of the header row has no name")]
    [InlineData("too-many-rows", "more than 100 data rows")]
    [InlineData("too-large", "the largest file one upload takes is 0.19 MB")]
    public async Task Malformed_files_are_refused_with_a_clear_message(string kind, string message)
    {
        var (client, steps) = await SignInAsync();
        using var _ = client;
        var file = kind switch
        {
            "empty" => [],
            "bom-only" => [0xEF, 0xBB, 0xBF],
            "header-only" => ImportSteps.Utf8(Header + "\r\n"),
            "blank-lines" => ImportSteps.Utf8("\r\n\r\n,,,\r\n"),
            "binary" => [0x00, 0x01, 0x02, 0xFF, 0x10, 0x00, 0x41],
            "xlsx" => [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00],
            "windows-1252" => Encoding.Latin1.GetBytes(Header + "\r\n0,Zoë,Test,z@example.com\r\n"),
            "duplicate-header" => ImportSteps.Utf8("Email,First Name,Last Name,Email\r\na@example.com,A,B,c@example.com\r\n"),
            "blank-header" => ImportSteps.Utf8("Email,First Name,,Last Name\r\na@example.com,A,,B\r\n"),
            "too-many-rows" => ImportSteps.Utf8(Header + "\r\n" + string.Concat(Enumerable.Range(0, 101).Select(i => $"0,A,B,a{i}@example.com\r\n"))),
            "too-large" => ImportSteps.Utf8(Header + "\r\n" + new string('x', 200_001)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        await using var db = app.CreateDbContext();
        var uploadsBefore = await db.Uploads.CountAsync();

        var (status, problems) = await steps.RefusedUploadAsync(file);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(message, problems, StringComparison.Ordinal);
        Assert.Equal(uploadsBefore, await db.Uploads.CountAsync());
    }

    [Fact] // R-IMP-1: a row with too many or too few values is a row error naming its line
    public async Task Rows_with_the_wrong_number_of_values_are_row_errors()
    {
        var (client, steps) = await SignInAsync();
        using var _ = client;
        var text = Header + "\r\n0,Ok,Row,ok.row@example.com\r\n0,Too,Many,too.many@example.com,extra\r\n0,Too,few\r\n";

        var preview = await steps.PreviewPageAsync(await steps.PreviewAsync(ImportSteps.Utf8(text)), "?view=Errors");
        var errors = preview.QuerySelectorAll("#errors tbody tr").Select(r => r.TextContent).ToList();

        Assert.Equal("2", preview.QuerySelector("#count-invalid")!.TextContent);
        Assert.Contains(errors, e => e.Contains('3') && e.Contains("this row has 5 values but the header has 4 columns", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains('4') && e.Contains("this row has 3 values", StringComparison.Ordinal));
    }

    [Fact] // R-IMP-2: Email, First Name and Last Name must be mapped
    public async Task The_required_fields_must_be_mapped()
    {
        var (client, steps) = await SignInAsync();
        using var _ = client;
        var mapUrl = await steps.UploadAsync(ImportSteps.Utf8("User ID,Given,Family,Mail Address\r\n0,A,B,a.b@example.com\r\n"));
        var form = await steps.MapFormAsync(mapUrl);
        form["column.LastName"] = "";
        form["column.Email"] = "";

        using var response = await steps.PostMapAsync(mapUrl, form);
        var page = await TestClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Last Name is required", page.QuerySelector("#problems")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Email is required", page.QuerySelector("#problems")!.TextContent, StringComparison.Ordinal);
    }

    [Fact] // R-IMP-2: auto-match ignores case, spaces and punctuation and knows synonyms
    public async Task Columns_are_auto_matched_by_name_and_synonym()
    {
        var (client, steps) = await SignInAsync();
        using var _ = client;
        var mapUrl = await steps.UploadAsync(ImportSteps.Utf8("user_id,FIRST NAME,Surname,Email Address,employee-id\r\n0,A,B,a.b@example.com,007\r\n"));

        var form = await steps.MapFormAsync(mapUrl);

        Assert.Equal("user_id", form["column.UserId"]);
        Assert.Equal("FIRST NAME", form["column.FirstName"]);
        Assert.Equal("Surname", form["column.LastName"]);
        Assert.Equal("Email Address", form["column.Email"]);
        Assert.Equal("employee-id", form["column.EmployeeId"]);
        Assert.Equal("", form["column.Team"]);
    }

    [Fact] // R-IMP-6: required values blank, bad booleans, bad ranks, bad emails
    public async Task Bad_values_name_line_column_value_and_expectation()
    {
        var (client, steps) = await SignInAsync();
        using var _ = client;
        var text = Header + ",Full Scope,Rank\r\n0,,Blank,blank.first@example.com,yes,1\r\n0,Bad,Mail,not an email,TRUE,x\r\n";

        var preview = await steps.PreviewPageAsync(await steps.PreviewAsync(ImportSteps.Utf8(text)), "?view=Errors");
        var errors = preview.QuerySelector("#errors")!.TextContent;

        Assert.Contains("First Name is required and is blank", errors, StringComparison.Ordinal);
        Assert.Contains("the value \"yes\" is not a boolean: expected TRUE or FALSE", errors, StringComparison.Ordinal);
        Assert.Contains("the value \"not an email\" is not a valid email address", errors, StringComparison.Ordinal);
        Assert.Contains("the value \"x\" is not a rank", errors, StringComparison.Ordinal);
    }
}
