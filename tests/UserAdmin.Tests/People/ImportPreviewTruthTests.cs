using System.Net;
using AngleSharp.Dom;
using UserAdmin.Core.DemoData;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.People;

/// <summary>
/// R-IMP-12 and R-IMP-6 as amended, through the wizard: one bad date never hides the other errors, the map
/// step shows what each date column's format reads, and a duplicate is an error on every row it is on.
/// </summary>
[Collection(AppTestGroup.Name)]
public sealed class ImportPreviewTruthTests(ImportPreviewTruthTests.App app) : IClassFixture<ImportPreviewTruthTests.App>
{
    public sealed class App : UserAdminAppFactory;

    private const string Header = "User ID,First Name,Last Name,Email,Login";

    [Fact] // R-IMP-12: an unreadable date with detect on all five date columns is one row error; the other rows' errors stay visible
    public async Task One_unreadable_date_does_not_hide_the_other_errors()
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);
        var steps = new ImportSteps(client);
        var text = Header + ",Activated,Company End Date,Company Start Date,Deactivated,Department Start Date,Full Scope\r\n"
            + "0,Ann,Lee,ann.lee.truth@example.com,,2024-01-15,,2020-01-01,,2020-02-01,\r\n"
            + "0,Bad,Date,bad.date.truth@example.com,,2025-13-45,,2020-01-01,,2020-02-01,\r\n"
            + "0,Bad,Flag,bad.flag.truth@example.com,,2024-01-16,,2020-01-01,,2020-02-01,yes\r\n";

        var preview = await steps.PreviewPageAsync(await steps.PreviewAsync(ImportSteps.Utf8(text)), "?view=Errors");

        Assert.Null(preview.QuerySelector("#problems"));
        var errors = Errors(preview);
        Assert.Contains(errors, e => e.Line == "3" && e.Column == "Activated" && e.Problem.Contains("\"2025-13-45\" is not a date in the format YYYY-MM-DD", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == "4" && e.Column == "Full Scope");
        Assert.Equal("1", preview.QuerySelector("#count-new")!.TextContent);
    }

    [Fact] // R-IMP-12: the map step shows each date column's detected format, what it reads and samples; "Test" checks another choice
    public async Task The_map_step_shows_each_date_column_s_detected_format_with_samples()
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);
        var steps = new ImportSteps(client);
        var text = Header + ",Activated,Company Start Date\r\n"
            + "0,Ann,Lee,ann.map@example.com,,2024-01-15,25/12/2023\r\n"
            + "0,Bob,Ray,bob.map@example.com,,2025-13-45,3/7/2021\r\n";
        var mapUrl = await steps.UploadAsync(ImportSteps.Utf8(text));

        var map = await client.GetDocumentAsync(mapUrl);
        Assert.Equal("Detected YYYY-MM-DD: YYYY-MM-DD reads 1 of 2 values; the other is a row error (line 3: \"2025-13-45\"). 2024-01-15 → 2024-01-15 · 2025-13-45 (line 3) is not a date in YYYY-MM-DD",
            Detection(map, "Activated"));
        Assert.StartsWith("Detected DD/MM/YYYY: DD/MM/YYYY reads 2 of 2 values. 25/12/2023 → 2023-12-25 · 3/7/2021 → 2021-07-03", Detection(map, "CompanyStartDate"), StringComparison.Ordinal);

        var form = await steps.MapFormAsync(mapUrl);
        form["format.CompanyStartDate"] = "MonthDayYear";
        form["action"] = "test";
        using var tested = await steps.PostMapAsync(mapUrl, form);
        Assert.Equal(HttpStatusCode.OK, tested.StatusCode);
        var retested = await TestClient.ParseAsync(tested);
        Assert.StartsWith("MM/DD/YYYY reads 1 of 2 values; the other is a row error (line 2: \"25/12/2023\").", Detection(retested, "CompanyStartDate"), StringComparison.Ordinal);
    }

    public static TheoryData<string, int> DuplicateKeys => new()
    {
        // the key repeated, on how many rows
        { "User ID", 2 }, { "User ID", 3 },
        { "Email", 2 }, { "Email", 3 },
        { "Login", 2 }, { "Login", 3 },
    };

    [Theory] // R-IMP-6 as amended: every row of a duplicate has the error, naming all the others (ignoring case)
    [MemberData(nameof(DuplicateKeys))]
    public async Task A_duplicate_is_an_error_on_every_row_naming_the_others(string key, int rows)
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);
        var steps = new ImportSteps(client);
        var id = $"{key.Replace(" ", "", StringComparison.Ordinal)}{rows}".ToLowerInvariant();
        var lines = Enumerable.Range(0, rows).Select(i => key switch
        {
            "User ID" => $"1,Dup{i},Row,{id}.{i}@example.com,{id}.{i}",
            "Email" => $"0,Dup{i},Row,{(i % 2 == 0 ? id : id.ToUpperInvariant())}@example.com,{id}.{i}",
            _ => $"0,Dup{i},Row,{id}.{i}@example.com,{(i % 2 == 0 ? id : id.ToUpperInvariant())}",
        });
        var text = Header + "\r\n0,Fine,Row,fine.row.{id}@example.com,\r\n".Replace("{id}", id, StringComparison.Ordinal) + string.Concat(lines.Select(l => l + "\r\n"));

        var preview = await steps.PreviewPageAsync(await steps.PreviewAsync(ImportSteps.Utf8(text)), "?view=Errors");

        var duplicates = Errors(preview).Where(e => e.Column == key && e.Problem.Contains("is also used on", StringComparison.Ordinal)).ToList();
        var duplicateLines = Enumerable.Range(3, rows).ToList();
        Assert.Equal(duplicateLines.Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture)), duplicates.Select(e => e.Line));
        foreach (var (error, line) in duplicates.Zip(duplicateLines))
        {
            var others = duplicateLines.Where(l => l != line).ToList();
            var named = others.Count == 1 ? $"line {others[0]}" : $"lines {others[0]} and {others[1]}";
            Assert.Contains($"is also used on {named} of this file", error.Problem, StringComparison.Ordinal);
        }

        Assert.Equal(rows.ToString(System.Globalization.CultureInfo.InvariantCulture), preview.QuerySelector("#count-invalid")!.TextContent);
    }

    [Fact] // R-IMP-6: below a quoted line break, errors name the spreadsheet row beside the CSV line
    public async Task Errors_name_the_spreadsheet_row_beside_the_line_below_a_quoted_line_break()
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);
        var steps = new ImportSteps(client);
        var text = Header + ",Work Condition Profile\r\n"
            + "0,Two,Lines,same.sheet@example.com,,\"first\r\nsecond\"\r\n"
            + "0,Same,Email,SAME.SHEET@example.com,,\r\n";

        var preview = await steps.PreviewPageAsync(await steps.PreviewAsync(ImportSteps.Utf8(text)), "?view=Errors");

        var errors = Errors(preview).Where(e => e.Column == "Email").ToList();
        Assert.Equal(["2", "4 (spreadsheet row 3)"], errors.Select(e => e.Line));
        Assert.Contains("is also used on line 4 (spreadsheet row 3) of this file", errors[0].Problem, StringComparison.Ordinal);
        Assert.Contains("is also used on line 2 of this file", errors[1].Problem, StringComparison.Ordinal);
    }

    [Fact] // R-IMP-12: a pipe-separated people.csv is refused at upload naming the pipe, not after the map step as "First Name is required"
    public async Task A_pipe_separated_file_is_refused_at_upload_naming_the_pipe()
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);
        var steps = new ImportSteps(client);
        var export = PeopleFile.Parse(await steps.ExportAsync()).Only(DemoTenant.AgentEmail);

        var (status, problems) = await steps.RefusedUploadAsync(export.ToBytes(delimiter: "|"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("seems to be separated by pipe (|) characters", problems, StringComparison.Ordinal);
    }

    private static string Detection(IDocument map, string field) =>
        string.Join(' ', map.QuerySelector($"tr[data-field={field}] .date-detection")!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static List<(string Line, string Column, string Problem)> Errors(IDocument preview) =>
        preview.QuerySelectorAll("#errors tbody tr.error")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList())
            .Select(cells => (cells[0], cells[1], cells[3]))
            .ToList();
}
