using System.Net;
using AngleSharp.Dom;
using UserAdmin.Tests.Infrastructure;
using UserAdmin.Tests.People;

namespace UserAdmin.Tests.Mappings;

[Collection(AppTestGroup.Name)]
public sealed class MappingSchemaTests(MappingSchemaTests.App app) : IClassFixture<MappingSchemaTests.App>
{
    public sealed class App : UserAdminAppFactory;

    private static byte[] HrFile(params string[] headers)
    {
        var values = new Dictionary<string, string>
        {
            ["Given"] = "Hanna", ["Family"] = "Rhee", ["Mail"] = "hanna.rhee@example.com", ["Id"] = "0", ["Staff No"] = "0042", ["Joined"] = "15/04/2021",
        };
        return ImportSteps.Utf8(string.Join(',', headers) + "\r\n" + string.Join(',', headers.Select(h => values[h])) + "\r\n");
    }

    private static readonly string[] HrHeaders = ["Id", "Given", "Family", "Mail", "Staff No", "Joined"];

    /// <summary>Maps the HR file's custom headers by hand and saves the mapping under <paramref name="name"/>.</summary>
    private static async Task<(HttpResponseMessage Response, string MapUrl)> SaveHrMappingAsync(ImportSteps steps, string name, string action = "save", byte[]? file = null)
    {
        var mapUrl = await steps.UploadAsync(file ?? HrFile(HrHeaders));
        var form = await steps.MapFormAsync(mapUrl);
        form["column.UserId"] = "Id";
        form["column.FirstName"] = "Given";
        form["column.LastName"] = "Family";
        form["column.Email"] = "Mail";
        form["column.EmployeeId"] = "Staff No";
        form["column.CompanyStartDate"] = "Joined";
        form["format.CompanyStartDate"] = "DayMonthYear";
        form["mappingName"] = name;
        form["action"] = action;
        return (await steps.PostMapAsync(mapUrl, form), mapUrl);
    }

    [Fact] // R-MAP-1, R-MAP-3: saved with field → column and date formats, listed with who and how many fields
    public async Task A_mapping_is_saved_on_the_map_step_and_listed()
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);
        var steps = new ImportSteps(client);

        var (response, _) = await SaveHrMappingAsync(steps, "HR system");
        var page = await TestClient.ParseAsync(response);
        var list = await client.GetDocumentAsync("/mappings");
        var row = list.QuerySelectorAll("#mappings tbody tr").Single(r => r.QuerySelector(".name")!.TextContent == "HR system");

        Assert.Contains("was saved", page.QuerySelector("#mapping-notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("6", row.QuerySelector(".num")!.TextContent);
        Assert.Contains("Tenant Administrator", row.TextContent, StringComparison.Ordinal);
    }

    [Fact] // R-MAP-1: names are unique ignoring case; saving over one asks first
    public async Task Saving_over_an_existing_name_asks_before_replacing()
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);
        var steps = new ImportSteps(client);
        await SaveHrMappingAsync(steps, "Payroll");

        var (second, _) = await SaveHrMappingAsync(steps, "PAYROLL");
        var question = await TestClient.ParseAsync(second);
        var (third, _) = await SaveHrMappingAsync(steps, "PAYROLL", action: "replace");
        var replaced = await TestClient.ParseAsync(third);
        var list = await client.GetDocumentAsync("/mappings");

        Assert.Contains("already exists. Replace it", question.QuerySelector("#replace-question")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("was replaced", replaced.QuerySelector("#mapping-notice")!.TextContent, StringComparison.Ordinal);
        Assert.Single(list.QuerySelectorAll("#mappings .name"), n => n.TextContent.Equals("payroll", StringComparison.OrdinalIgnoreCase));
    }

    [Theory] // R-MAP-1 bad input: empty, over-long, without the required fields
    [InlineData("", "Enter a name for the mapping")]
    [InlineData("   ", "Enter a name for the mapping")]
    [InlineData("x101", "at most 100 are allowed")]
    [InlineData("no-email", "Email is not mapped")]
    public async Task Bad_mapping_names_and_incomplete_mappings_are_refused(string name, string message)
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);
        var steps = new ImportSteps(client);
        var mapUrl = await steps.UploadAsync(HrFile(HrHeaders));
        var form = await steps.MapFormAsync(mapUrl);
        form["column.FirstName"] = "Given";
        form["column.LastName"] = "Family";
        form["column.Email"] = name == "no-email" ? "" : "Mail";
        form["mappingName"] = name == "x101" ? new string('x', 101) : name;
        form["action"] = "save";

        using var response = await steps.PostMapAsync(mapUrl, form);
        var page = await TestClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, page.QuerySelector("#problems")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Given", page.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("#column-FirstName")!.Value); // nothing the administrator chose is lost
    }

    [Fact] // R-MAP-2: applied to a file whose columns are in another order; the fitting mapping is offered first
    public async Task A_saved_mapping_fills_the_map_of_a_file_with_reordered_columns()
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);
        var steps = new ImportSteps(client);
        await SaveHrMappingAsync(steps, "Reordered source");
        var mapUrl = await steps.UploadAsync(HrFile("Mail", "Joined", "Family", "Staff No", "Given", "Id"));
        var id = (await client.GetDocumentAsync("/mappings")).QuerySelectorAll("#mappings tbody tr")
            .Single(r => r.QuerySelector(".name")!.TextContent == "Reordered source").GetAttribute("data-id");

        var offered = await client.GetDocumentAsync(mapUrl);
        var applied = await client.GetDocumentAsync($"{mapUrl}?mapping={id}");
        var form = ImportSteps.FormValues(applied, "#map-form");

        Assert.Contains("fits every column of this file", offered.QuerySelector("#suggested-mapping")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Mail", form["column.Email"]);
        Assert.Equal("Given", form["column.FirstName"]);
        Assert.Equal("Staff No", form["column.EmployeeId"]);
        Assert.Equal("DayMonthYear", form["format.CompanyStartDate"]);
        Assert.Empty(applied.QuerySelectorAll(".missing-column"));
        using var preview = await steps.PostMapAsync($"{mapUrl}", form);
        Assert.Equal(HttpStatusCode.Redirect, preview.StatusCode);
        var page = await steps.PreviewPageAsync(preview.Headers.Location!.OriginalString);
        Assert.Equal("1", page.QuerySelector("#count-new")!.TextContent);
        Assert.Equal("0", page.QuerySelector("#count-invalid")!.TextContent);
    }

    [Fact] // R-MAP-2: a saved column missing from the new file is flagged, not silently dropped; unused columns are listed
    public async Task A_missing_column_is_flagged_and_unused_columns_are_listed()
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);
        var steps = new ImportSteps(client);
        await SaveHrMappingAsync(steps, "Missing column source");
        var otherFile = ImportSteps.Utf8("Id,Given,Family,Mail,Notes\r\n0,A,B,ab@example.com,hello\r\n");
        var mapUrl = await steps.UploadAsync(otherFile);
        var id = (await client.GetDocumentAsync("/mappings")).QuerySelectorAll("#mappings tbody tr")
            .Single(r => r.QuerySelector(".name")!.TextContent == "Missing column source").GetAttribute("data-id");

        var applied = await client.GetDocumentAsync($"{mapUrl}?mapping={id}");
        var flagged = applied.QuerySelectorAll("tr.error").Select(r => r.GetAttribute("data-field")).Order().ToList();

        Assert.Equal(["CompanyStartDate", "EmployeeId"], flagged);
        Assert.Contains("Employee ID", applied.QuerySelector("#applied-mapping")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("\"Notes\"", applied.QuerySelector("#unused-columns")!.TextContent, StringComparison.Ordinal);
    }

    [Fact] // R-MAP-3: rename, and refuse a name already taken
    public async Task Mappings_are_renamed_with_unique_names()
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);
        var steps = new ImportSteps(client);
        await SaveHrMappingAsync(steps, "Old name");
        await SaveHrMappingAsync(steps, "Taken name");
        var id = (await client.GetDocumentAsync("/mappings")).QuerySelectorAll("#mappings tbody tr")
            .Single(r => r.QuerySelector(".name")!.TextContent == "Old name").GetAttribute("data-id");

        using var taken = await client.PostFormAsync("/mappings", $"/mappings/{id}/rename", new Dictionary<string, string> { ["name"] = "taken NAME" });
        var afterTaken = await client.GetDocumentAsync("/mappings");
        using var renamed = await client.PostFormAsync("/mappings", $"/mappings/{id}/rename", new Dictionary<string, string> { ["name"] = "New name" });
        var afterRename = await client.GetDocumentAsync("/mappings");

        Assert.Contains("already named", afterTaken.QuerySelector("#mappings-error")!.TextContent, StringComparison.Ordinal);
        var names = afterRename.QuerySelectorAll("#mappings .name").Select(n => n.TextContent).ToList();
        Assert.Contains("New name", names);
        Assert.DoesNotContain("Old name", names);
    }

    [Fact] // R-MAP-3: delete after confirmation; a stale form gets a clear message
    public async Task A_mapping_is_deleted_after_confirmation_and_stale_forms_are_told()
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);
        var steps = new ImportSteps(client);
        var (_, mapUrl) = await SaveHrMappingAsync(steps, "To delete");
        var id = (await client.GetDocumentAsync("/mappings")).QuerySelectorAll("#mappings tbody tr")
            .Single(r => r.QuerySelector(".name")!.TextContent == "To delete").GetAttribute("data-id");

        var confirmation = await client.GetDocumentAsync($"/mappings/{id}/delete");
        using var deleted = await client.PostFormAsync($"/mappings/{id}/delete", $"/mappings/{id}/delete", []);
        var stale = await client.GetDocumentAsync($"{mapUrl}?mapping={id}");
        using var deletedAgain = await client.PostFormAsync("/mappings", $"/mappings/{id}/delete", []);
        var afterAgain = await client.GetDocumentAsync("/mappings");

        Assert.Contains("Delete the mapping \"To delete\"?", confirmation.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Contains("deleted meanwhile", stale.QuerySelector("#problems")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("deleted meanwhile", afterAgain.QuerySelector("#mappings-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact] // R-SEC-1: saving and deleting mappings need Assign User Roles
    public async Task An_agent_cannot_see_or_change_mappings()
    {
        using var client = await app.SignInAsync(TestAccounts.Agent);

        using var list = await client.GetAsync("/mappings");

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
    }
}
