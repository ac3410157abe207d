using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UserAdmin.Core.DemoData;
using UserAdmin.Core.People;
using UserAdmin.Core.People.Import;
using UserAdmin.Core.People.Mappings;
using UserAdmin.Core.Users;
using UserAdmin.Tests.Infrastructure;
using UserAdmin.Tests.People;

namespace UserAdmin.Tests.Api;

/// <summary>R-API-2: people.csv and the import through the API, with the same rules and limits as the pages.</summary>
[Collection(AppTestGroup.Name)]
public sealed class PeopleApiTests(PeopleApiTests.App app) : IClassFixture<PeopleApiTests.App>
{
    public const int MaxFileBytes = 64 * 1024;

    public sealed class App : UserAdminAppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Import:MaxFileBytes", MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture))];
    }

    private const string Imports = "/api/v1/people/imports";

    [Fact] // R-API-2, R-SEC-2: the same export as the page, for the same administrator's view
    public async Task The_api_export_is_byte_for_byte_the_pages_export_of_the_same_administrator()
    {
        using var browser = await app.SignInAsync(TestAccounts.Supervisor);
        using var api = await ApiClient.ForAsync(app, TestAccounts.Supervisor);

        var page = await new ImportSteps(browser).ExportBytesAsync("?dateFormat=DD/MM/YYYY");
        using var response = await api.GetAsync("/api/v1/people.csv?dateFormat=DD/MM/YYYY");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore); // R-SEC-9
        Assert.Equal(page, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact] // R-API-2, R-IMP-7: the dry run writes nothing
    public async Task A_dry_run_reports_counts_and_each_change_old_to_new_and_writes_nothing()
    {
        using var api = await ApiClient.ForAsync(app, TestAccounts.Admin);
        var (file, email, oldFirst) = await FileWithRenamedUserAsync(api, offset: 3, "Renamed");

        using var response = await api.PostFileAsync(Imports, file.ToBytes(), ("dryRun", "true"));
        var plan = await ApiClient.ReadAsync(response, HttpStatusCode.OK);

        Assert.True(plan.GetProperty("canApply").GetBoolean());
        Assert.Equal(1, plan.GetProperty("counts").GetProperty("updated").GetInt32());
        Assert.Equal(file.Rows.Count - 1, plan.GetProperty("counts").GetProperty("unchanged").GetInt32());
        var change = plan.GetProperty("changes")[0].GetProperty("changes")[0];
        Assert.Equal(("First Name", oldFirst, "Renamed"), (change.GetProperty("field").GetString(), change.GetProperty("old").GetString(), change.GetProperty("new").GetString()));
        Assert.Equal(oldFirst, await FirstNameOfAsync(email));
    }

    [Fact] // R-API-2, R-IMP-8, R-IMP-9: the started import's id, then its status
    public async Task An_import_answers_202_with_its_id_and_its_status_reports_the_counts()
    {
        using var api = await ApiClient.ForAsync(app, TestAccounts.Admin);
        var (file, email, _) = await FileWithRenamedUserAsync(api, offset: 4, "Imported");

        using var response = await api.PostFileAsync(Imports, file.ToBytes());
        var started = await ApiClient.ReadAsync(response, HttpStatusCode.Accepted);
        var status = await api.FinishedImportAsync(started.GetProperty("status").GetString()!);

        Assert.Equal(started.GetProperty("status").GetString(), response.Headers.Location!.OriginalString);
        Assert.Equal("Succeeded", status.GetProperty("state").GetString());
        Assert.Equal(1, status.GetProperty("updated").GetInt32());
        Assert.Equal("people.csv", status.GetProperty("fileName").GetString());
        Assert.Equal("Imported", await FirstNameOfAsync(email));
    }

    [Fact] // R-API-2, R-IMP-6, R-IMP-8: a file with errors — 200 dry run with the row errors, 422 on import, nothing written
    public async Task A_file_with_row_errors_is_a_dry_run_with_the_errors_and_an_import_refused_with_422()
    {
        using var api = await ApiClient.ForAsync(app, TestAccounts.Admin);
        var (file, email, oldFirst) = await FileWithRenamedUserAsync(api, offset: 5, "ValidRow");
        file.AddRow(("User ID", "0"), ("Email", "not-an-email"), ("First Name", "New"), ("Last Name", "Person"));
        var badLine = file.Rows.Count + 1;

        using var dryRun = await api.PostFileAsync(Imports, file.ToBytes(), ("dryRun", "true"));
        var plan = await ApiClient.ReadAsync(dryRun, HttpStatusCode.OK);
        using var import = await api.PostFileAsync(Imports, file.ToBytes());
        var refused = await ApiClient.ReadAsync(import, HttpStatusCode.UnprocessableEntity);

        Assert.False(plan.GetProperty("canApply").GetBoolean());
        AssertError(plan.GetProperty("errors"), badLine, "Email", "not-an-email");
        AssertError(refused.GetProperty("errors"), badLine, "Email", "not-an-email");
        Assert.Contains("1 row of the file is invalid", ApiClient.Detail(refused), StringComparison.Ordinal);
        Assert.Equal(oldFirst, await FirstNameOfAsync(email));

        using var validOnly = await api.PostFileAsync(Imports, file.ToBytes(), ("importValidRowsOnly", "true"));
        var started = await ApiClient.ReadAsync(validOnly, HttpStatusCode.Accepted);
        var finished = await api.FinishedImportAsync(started.GetProperty("status").GetString()!);
        Assert.Equal("Succeeded", finished.GetProperty("state").GetString());
        Assert.Equal("ValidRow", await FirstNameOfAsync(email));
    }

    [Fact] // R-API-2, R-SEC-1: QM Views need Edit QM Views, through the API as on the pages
    public async Task A_file_with_qm_views_is_refused_for_a_token_whose_owner_cannot_edit_qm_views()
    {
        using var api = await ApiClient.ForAsync(app, TestAccounts.Supervisor);
        var file = PeopleFile.Parse(await ExportTextAsync(api));

        using var dryRun = await api.PostFileAsync(Imports, file.ToBytes(), ("dryRun", "true"));
        var plan = await ApiClient.ReadAsync(dryRun, HttpStatusCode.OK);
        using var import = await api.PostFileAsync(Imports, file.ToBytes());
        var refused = await ApiClient.ReadAsync(import, HttpStatusCode.UnprocessableEntity);

        Assert.False(plan.GetProperty("canApply").GetBoolean());
        Assert.Contains("Edit QM Views", plan.GetProperty("whyItCannotBeApplied").GetString(), StringComparison.Ordinal);
        Assert.Contains("Edit QM Views", ApiClient.Detail(refused), StringComparison.Ordinal);
    }

    [Fact] // R-API-2, R-MAP-2: a saved mapping named in the request; its missing columns are flagged and stop the import
    public async Task A_saved_mapping_is_chosen_by_name_and_a_file_missing_its_columns_is_not_imported()
    {
        using var api = await ApiClient.ForAsync(app, TestAccounts.Admin);
        await SaveMappingAsync("HR feed", new Dictionary<PersonField, string> { [PersonField.Email] = "Mail", [PersonField.FirstName] = "Given", [PersonField.LastName] = "Family", [PersonField.EmployeeId] = "Staff No" });
        var email = (await UserAsync(offset: 6)).Email;
        var full = Encoding.UTF8.GetBytes($"Mail,Given,Family,Staff No\r\n{email},Mapped,Person,000777\r\n");
        var partial = Encoding.UTF8.GetBytes($"Mail,Given,Family\r\n{email},Mapped,Person\r\n");

        using var withMapping = await api.PostFileAsync(Imports, full, ("mapping", "hr FEED"), ("dryRun", "true"));
        var plan = await ApiClient.ReadAsync(withMapping, HttpStatusCode.OK);
        using var unknown = await api.PostFileAsync(Imports, full, ("mapping", "Payroll"), ("dryRun", "true"));
        var unknownProblem = await ApiClient.ReadAsync(unknown, HttpStatusCode.UnprocessableEntity);
        using var missingDryRun = await api.PostFileAsync(Imports, partial, ("mapping", "HR feed"), ("dryRun", "true"));
        var missingPlan = await ApiClient.ReadAsync(missingDryRun, HttpStatusCode.OK);
        using var missingImport = await api.PostFileAsync(Imports, partial, ("mapping", "HR feed"));
        var missingProblem = await ApiClient.ReadAsync(missingImport, HttpStatusCode.UnprocessableEntity);

        Assert.Contains(plan.GetProperty("changes")[0].GetProperty("changes").EnumerateArray(), c => c.GetProperty("field").GetString() == "Employee ID" && c.GetProperty("new").GetString() == "000777");
        Assert.Contains("No saved mapping is named \"Payroll\". Saved mappings: \"HR feed\".", ApiClient.Detail(unknownProblem), StringComparison.Ordinal);
        Assert.Equal(["Employee ID"], missingPlan.GetProperty("missingColumns").EnumerateArray().Select(c => c.GetString()));
        Assert.False(missingPlan.GetProperty("canApply").GetBoolean());
        Assert.Contains("names columns this file does not have (Employee ID)", ApiClient.Detail(missingProblem), StringComparison.Ordinal);
    }

    public static TheoryData<int> OversizedFiles => [MaxFileBytes + 1, MaxFileBytes * 6];

    [Theory] // R-API-2, R-IMP-1: the pages' size limit, answered 413 with a problem detail, nothing stored
    [MemberData(nameof(OversizedFiles))]
    public async Task An_oversized_file_gets_413_with_a_problem_detail(int bytes)
    {
        using var api = await ApiClient.ForAsync(app, TestAccounts.Admin);
        var file = Encoding.UTF8.GetBytes("Email,First Name,Last Name\r\n" + new string('x', bytes));
        await using var db = app.CreateDbContext();
        var uploads = await db.Uploads.CountAsync();

        using var response = await api.PostFileAsync(Imports, file, ("dryRun", "true"));
        var problem = await ApiClient.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge);

        Assert.Matches("65,536 bytes|64 KB", ApiClient.Detail(problem)); // the limit, in the words of the check that caught it
        Assert.Equal(uploads, await db.Uploads.CountAsync());
    }

    [Fact] // R-API-2, R-IMP-1: no file, an unreadable file, the wrong content type — each a problem detail
    public async Task Requests_without_a_readable_csv_file_get_problem_details()
    {
        using var api = await ApiClient.ForAsync(app, TestAccounts.Admin);

        using var binary = await api.PostFileAsync(Imports, [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF, 0xFE, 0x00, 0x01]);
        var unreadable = await ApiClient.ReadAsync(binary, HttpStatusCode.UnprocessableEntity);
        using var empty = await PostAsync(api, new MultipartFormDataContent { { new StringContent("true"), "dryRun" } });
        var missing = await ApiClient.ReadAsync(empty, HttpStatusCode.BadRequest);
        using var json = await PostAsync(api, new StringContent("{}", Encoding.UTF8, "application/json"));
        await ApiClient.ReadAsync(json, HttpStatusCode.UnsupportedMediaType);

        Assert.NotEmpty(unreadable.GetProperty("errors").EnumerateArray());
        Assert.Contains("field \"file\"", ApiClient.Detail(missing), StringComparison.Ordinal);
    }

    [Fact] // R-API-2, R-SEC-8: an import is for its importer and tenant administrators
    public async Task An_import_is_visible_to_its_importer_and_tenant_administrators_only()
    {
        using var supervisor = await ApiClient.ForAsync(app, TestAccounts.Supervisor);
        using var qmAdministrator = await ApiClient.ForAsync(app, TestAccounts.QmAdministrator);
        using var admin = await ApiClient.ForAsync(app, TestAccounts.Admin);
        var file = PeopleFile.Parse(await ExportTextAsync(supervisor)).WithoutColumn("QM Views");
        // R-SEC-5: a user the supervisor may edit — no role, no wider view.
        var row = file.Rows.First(r => file[r, "Email"] != DemoTenant.SupervisorEmail && file[r, "Roles"] is "" or DemoTenant.AgentRoleName && file[r, "Full Scope"] == "FALSE" && file[r, "Scope Teams"].Length == 0 && file[r, "Scope Groups"].Length == 0);
        file[row, "Last Name"] = "Imported-By-Supervisor";

        using var response = await supervisor.PostFileAsync(Imports, new PeopleFile(file.Headers, [row]).ToBytes());
        var status = (await ApiClient.ReadAsync(response, HttpStatusCode.Accepted)).GetProperty("status").GetString()!;

        await supervisor.FinishedImportAsync(status);
        await admin.JsonAsync(status);
        var hidden = await qmAdministrator.JsonAsync(status, HttpStatusCode.NotFound);
        Assert.Contains("not in your history", ApiClient.Detail(hidden), StringComparison.Ordinal);
    }

    private static void AssertError(JsonElement errors, int line, string column, string value) =>
        Assert.Contains(errors.EnumerateArray(), e => e.GetProperty("line").GetInt32() == line && e.GetProperty("column").GetString() == column && e.GetProperty("value").GetString() == value);

    private async Task<HttpResponseMessage> PostAsync(ApiClient api, HttpContent content)
    {
        using var http = app.CreateClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", api.Token);
        using (content)
        {
            return await http.PostAsync(new Uri(Imports, UriKind.Relative), content);
        }
    }

    private static async Task<string> ExportTextAsync(ApiClient api)
    {
        using var response = await api.GetAsync("/api/v1/people.csv");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<(PeopleFile File, string Email, string OldFirstName)> FileWithRenamedUserAsync(ApiClient api, int offset, string newFirstName)
    {
        var file = PeopleFile.Parse(await ExportTextAsync(api));
        var user = await UserAsync(offset);
        var row = file.RowOf(user.Email);
        file[row, "First Name"] = newFirstName;
        return (file, user.Email, user.FirstName);
    }

    private async Task<User> UserAsync(int offset)
    {
        await using var db = app.CreateDbContext();
        return await db.Users.AsNoTracking().Where(u => u.Id > 4 && u.PasswordHash == null).OrderBy(u => u.Id).Skip(offset).FirstAsync();
    }

    private async Task<string> FirstNameOfAsync(string email)
    {
        await using var db = app.CreateDbContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.FirstName).SingleAsync();
    }

    private async Task SaveMappingAsync(string name, Dictionary<PersonField, string> columns)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var profile = (await scope.ServiceProvider.GetRequiredService<AdministratorProfiles>().LoadAsync(1))!;
        await scope.ServiceProvider.GetRequiredService<MappingSchemas>().SaveAsync(name, new ImportMapping(columns, new Dictionary<PersonField, DateFormat>()), profile, replace: true);
    }
}
