using System.Net;
using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.DemoData;
using UserAdmin.Core.Persistence;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.People;

/// <summary>The import wizard end to end over HTTP, on files made from the app's own export.</summary>
public abstract class PeopleImportScenarios(PeopleImportScenarios.App app)
{
    public class App : UserAdminAppFactory;

    private async Task<(TestClient Client, ImportSteps Steps, PeopleFile File)> ExportedAsync(TestAccount? account = null)
    {
        var client = await app.SignInAsync(account ?? TestAccounts.Admin);
        var steps = new ImportSteps(client);
        return (client, steps, PeopleFile.Parse(await steps.ExportAsync()));
    }

    [Fact] // R-EXP-5
    public async Task Importing_the_unchanged_export_reports_zero_changes()
    {
        var (client, steps, file) = await ExportedAsync();
        using var _ = client;

        var preview = await steps.PreviewPageAsync(await steps.PreviewAsync(file.ToBytes()));

        Assert.Equal("0", preview.QuerySelector("#count-new")!.TextContent);
        Assert.Equal("0", preview.QuerySelector("#count-updated")!.TextContent);
        Assert.Equal("0", preview.QuerySelector("#count-invalid")!.TextContent);
        Assert.Equal(file.Rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), preview.QuerySelector("#count-unchanged")!.TextContent);
    }

    [Fact] // R-IMP-7, R-IMP-8, R-IMP-9
    public async Task A_changed_user_is_previewed_old_to_new_then_applied_and_recorded()
    {
        var (client, steps, file) = await ExportedAsync();
        using var _ = client;
        var email = (await FirstAgentEmailAsync(offset: 10))!;
        var row = file.RowOf(email);
        var oldFirst = file[row, "First Name"];
        file[row, "First Name"] = "Renamed";

        var previewUrl = await steps.PreviewAsync(file.ToBytes());
        var preview = await steps.PreviewPageAsync(previewUrl);
        var change = preview.QuerySelector("#changes ul.changes li")!.TextContent;

        Assert.Equal("1", preview.QuerySelector("#count-updated")!.TextContent);
        Assert.Contains($"First Name: {oldFirst} → Renamed", change, StringComparison.Ordinal);
        await using (var before = app.CreateDbContext())
        {
            Assert.Equal(oldFirst, (await before.Users.SingleAsync(u => u.Email == email)).FirstName); // the preview wrote nothing
        }

        var (resultUrl, error) = await steps.ApplyAsync(previewUrl);
        Assert.Null(error);
        var result = await client.GetDocumentAsync(resultUrl!);
        Assert.Equal("1", result.QuerySelector("#updated")!.TextContent);
        await using var db = app.CreateDbContext();
        Assert.Equal("Renamed", (await db.Users.SingleAsync(u => u.Email == email)).FirstName);
        var history = await client.GetDocumentAsync("/people/imports");
        Assert.Contains("people.csv", history.QuerySelector("#imports tbody")!.TextContent, StringComparison.Ordinal);
    }

    [Fact] // R-IMP-4: User ID 0 creates a user
    public async Task User_id_zero_creates_a_user_with_roles_and_lists()
    {
        var (client, steps, file) = await ExportedAsync();
        using var _ = client;
        var created = file.Only();
        created.AddRow(("User ID", "0"), ("First Name", "Nina"), ("Last Name", "New"), ("Email", "nina.new@example.com"),
            ("Employee ID", "000123"), ("Roles", "agent"), ("Scope Teams", "alpha; Bravo"), ("Team", "Alpha"), ("Deactivated", "12/31/2999"),
            ("Enable Scheduling", "true"), ("Skill Mappings", "Sales;Support"), ("Display Time Zone", "europe/berlin"));

        var previewUrl = await steps.PreviewAsync(created.ToBytes(), form => form["format.Deactivated"] = "MonthDayYear");
        var (resultUrl, error) = await steps.ApplyAsync(previewUrl);

        Assert.Null(error);
        Assert.NotNull(resultUrl);
        await using var db = app.CreateDbContext();
        var user = await db.Users.Include(u => u.Roles).Include(u => u.ScopeTeams).Include(u => u.SkillMappings).Include(u => u.Team)
            .SingleAsync(u => u.Email == "nina.new@example.com");
        Assert.Equal("000123", user.EmployeeId); // leading zeros kept
        Assert.Equal("Agent", Assert.Single(user.Roles).Name); // canonical spelling (R-USR-4)
        Assert.Equal(["Alpha", "Bravo"], user.ScopeTeams.Select(t => t.Name).Order());
        Assert.Equal(["Sales", "Support"], user.SkillMappings.Select(s => s.SkillName).Order());
        Assert.Equal("Europe/Berlin", user.DisplayTimeZone);
        Assert.True(user.EnableScheduling);
        Assert.Null(user.Deactivated); // R-USR-2: 12/31/2999 means active
    }

    [Fact] // R-IMP-4: a User ID that does not exist fails
    public async Task A_user_id_that_does_not_exist_is_a_row_error()
    {
        var (client, steps, file) = await ExportedAsync();
        using var _ = client;
        var bad = file.Only();
        bad.AddRow(("User ID", "999999"), ("First Name", "Ghost"), ("Last Name", "User"), ("Email", "ghost@example.com"));
        bad.AddRow(("User ID", ""), ("First Name", "Blank"), ("Last Name", "Id"), ("Email", "blank.id@example.com"));

        var preview = await steps.PreviewPageAsync(await steps.PreviewAsync(bad.ToBytes()), "?view=Errors");
        var errors = preview.QuerySelectorAll("#errors tbody tr").Select(r => r.TextContent).ToList();

        Assert.Equal("2", preview.QuerySelector("#count-invalid")!.TextContent);
        Assert.Contains(errors, e => e.Contains('2') && e.Contains("no user with User ID 999999", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("must be set to 0 (zero)", StringComparison.Ordinal));
    }

    [Fact] // R-IMP-5: blank clears, a missing column clears, and the preview lists it
    public async Task Blank_cells_and_missing_columns_clear_and_are_listed_first()
    {
        var (client, steps, file) = await ExportedAsync();
        using var _ = client;
        var email = (await FirstAgentEmailAsync(offset: 20))!;
        var one = file.Only(email);
        one[one.Rows[0], "ACD ID"] = "";
        var withoutLocale = one.WithoutColumn("Locale");

        var previewUrl = await steps.PreviewAsync(withoutLocale.ToBytes());
        var preview = await steps.PreviewPageAsync(previewUrl);
        var clearings = preview.QuerySelector("#clearings")!.TextContent;

        Assert.Contains("ACD ID: cleared for 1 user", clearings, StringComparison.Ordinal);
        Assert.Contains("Locale: cleared for 1 user", clearings, StringComparison.Ordinal);
        Assert.Null((await steps.ApplyAsync(previewUrl)).Error);
        await using var db = app.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        Assert.Null(user.AcdId);
        Assert.Null(user.Locale);
    }

    [Fact] // R-IMP-8: a rejected import leaves the database exactly as it was
    public async Task Invalid_rows_without_the_explicit_choice_import_nothing()
    {
        var (client, steps, file) = await ExportedAsync();
        using var _ = client;
        var before = await steps.ExportAsync();
        var email = (await FirstAgentEmailAsync(offset: 5))!;
        file[file.RowOf(email), "Last Name"] = "Changed";
        file.Rows[^1][file.Headers.IndexOf("Team")] = "Alpah";

        var previewUrl = await steps.PreviewAsync(file.ToBytes());
        var preview = await steps.PreviewPageAsync(previewUrl, "?view=Errors");
        var (resultUrl, error) = await steps.ApplyAsync(previewUrl);

        Assert.Contains("did you mean \"Alpha\"", preview.QuerySelector("#errors")!.TextContent, StringComparison.Ordinal);
        Assert.Null(resultUrl);
        Assert.Contains("import only the valid rows", error, StringComparison.Ordinal);
        Assert.Equal(before, await steps.ExportAsync());
    }

    [Fact] // R-IMP-8: "import only the valid rows", and R-IMP-7's invalid-rows file
    public async Task Importing_only_the_valid_rows_leaves_out_the_invalid_ones_and_reports_them()
    {
        var (client, steps, file) = await ExportedAsync();
        using var _ = client;
        var good = (await FirstAgentEmailAsync(offset: 30))!;
        var bad = (await FirstAgentEmailAsync(offset: 31))!;
        var two = file.Only(good, bad);
        two[two.RowOf(good), "Rank"] = "42";
        two[two.RowOf(bad), "Rank"] = "-1";

        var previewUrl = await steps.PreviewAsync(two.ToBytes());
        using var invalidRows = await client.GetAsync(previewUrl.Replace("/preview", "/invalid-rows", StringComparison.Ordinal));
        var report = PeopleFile.Parse(await invalidRows.Content.ReadAsStringAsync());
        var (resultUrl, error) = await steps.ApplyAsync(previewUrl, importValidRowsOnly: true);

        Assert.Equal("Error", report.Headers[^1]);
        Assert.Contains("expected a whole number", Assert.Single(report.Rows)[^1], StringComparison.Ordinal);
        Assert.Null(error);
        var result = await client.GetDocumentAsync(resultUrl!);
        Assert.Equal("1", result.QuerySelector("#skipped")!.TextContent);
        await using var db = app.CreateDbContext();
        Assert.Equal(42, (await db.Users.SingleAsync(u => u.Email == good)).Rank);
        using var errors = await client.GetAsync(resultUrl + "/errors");
        Assert.Equal(HttpStatusCode.OK, errors.StatusCode);
    }

    [Fact] // R-IMP-8: a user changed by someone else since the preview fails the whole import
    public async Task A_user_changed_after_the_preview_fails_the_import_and_nothing_is_written()
    {
        var (client, steps, file) = await ExportedAsync();
        using var _ = client;
        var first = (await FirstAgentEmailAsync(offset: 40))!;
        var second = (await FirstAgentEmailAsync(offset: 41))!;
        var two = file.Only(first, second);
        two[two.RowOf(first), "Login"] = "changed-by-import-1";
        two[two.RowOf(second), "Login"] = "changed-by-import-2";
        var previewUrl = await steps.PreviewAsync(two.ToBytes());
        await steps.PreviewPageAsync(previewUrl);
        await using (var db = app.CreateDbContext())
        {
            var other = await db.Users.SingleAsync(u => u.Email == second);
            other.AcdId = "edited meanwhile";
            await db.SaveChangesAsync();
        }

        var before = await steps.ExportAsync();
        var (resultUrl, error) = await steps.ApplyAsync(previewUrl);

        Assert.Null(resultUrl);
        Assert.Contains("changed by someone else after the preview", error, StringComparison.Ordinal);
        Assert.Equal(before, await steps.ExportAsync());
    }

    [Fact] // R-SEC-1: importing needs Assign User Roles
    public async Task An_agent_cannot_open_the_import()
    {
        using var client = await app.SignInAsync(TestAccounts.Agent);
        using var response = await client.GetAsync("/people/import");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact] // R-SEC-1: values in QM Views need Edit QM Views
    public async Task QM_view_values_need_the_edit_QM_views_permission()
    {
        var (client, steps, file) = await ExportedAsync(TestAccounts.Supervisor);
        using var _ = client;
        var withViews = file.Rows.Any(r => file[r, "QM Views"].Length > 0) ? file : throw new InvalidOperationException("demo data has no QM views in scope");

        var preview = await steps.PreviewPageAsync(await steps.PreviewAsync(withViews.ToBytes()));

        Assert.Contains("needs the Edit QM Views permission", preview.QuerySelector("#problems")!.TextContent, StringComparison.Ordinal);
        Assert.Null(preview.QuerySelector("#apply-form"));
    }

    [Fact] // R-SEC-3: no one changes their own roles by import; supervisors cannot touch tenant administrators
    public async Task Own_roles_and_tenant_administrators_are_protected()
    {
        var (client, steps, file) = await ExportedAsync(TestAccounts.Admin);
        using var _ = client;
        var own = file.Only(TestAccounts.AdminEmail);
        own[own.Rows[0], "Roles"] = "Agent";

        var preview = await steps.PreviewPageAsync(await steps.PreviewAsync(own.ToBytes()), "?view=Errors");

        Assert.Contains("this row is your own user, and nobody changes their own Roles by import", preview.QuerySelector("#errors")!.TextContent, StringComparison.Ordinal);
    }

    [Fact] // R-IMP-6 as amended: duplicates inside the file (an error on both rows) and emails of other users
    public async Task Duplicates_in_the_file_and_taken_emails_are_row_errors()
    {
        var (client, steps, file) = await ExportedAsync();
        using var _ = client;
        var a = (await FirstAgentEmailAsync(offset: 50))!;
        var b = (await FirstAgentEmailAsync(offset: 51))!;
        var rows = file.Only(a, b);
        rows[rows.RowOf(b), "Email"] = a.ToUpperInvariant();
        rows.AddRow(("User ID", "0"), ("First Name", "Copy"), ("Last Name", "Cat"), ("Email", DemoTenant.AgentEmail));

        var preview = await steps.PreviewPageAsync(await steps.PreviewAsync(rows.ToBytes()), "?view=Errors");
        var errors = preview.QuerySelector("#errors")!.TextContent;

        Assert.Contains("is also used on line 2 of this file", errors, StringComparison.Ordinal);
        Assert.Contains("is also used on line 3 of this file", errors, StringComparison.Ordinal);
        Assert.Contains($"\"{DemoTenant.AgentEmail}\" already belongs to another user", errors, StringComparison.Ordinal);
    }

    private async Task<string?> FirstAgentEmailAsync(int offset)
    {
        await using var db = app.CreateDbContext();
        return await db.Users.Where(u => u.Id > 4 && u.Roles.All(r => !r.IsTenantAdministrator) && u.PasswordHash == null)
            .OrderBy(u => u.Id).Skip(offset).Select(u => u.Email).FirstOrDefaultAsync();
    }
}

/// <summary><see cref="PeopleImportScenarios"/> on a SQLite file.</summary>
[Collection(AppTestGroup.Name)]
public sealed class PeopleImportTests(PeopleImportScenarios.App app) : PeopleImportScenarios(app), IClassFixture<PeopleImportScenarios.App>;

/// <summary><see cref="PeopleImportScenarios"/> on PostgreSQL (ADR-0011).</summary>
[Collection(AppTestGroup.Name)]
[Trait(PostgreSqlServer.Trait, PostgreSqlServer.TraitValue)]
public sealed class PostgreSqlPeopleImportTests(PostgreSqlPeopleImportTests.PostgreSqlApp app) : PeopleImportScenarios(app), IClassFixture<PostgreSqlPeopleImportTests.PostgreSqlApp>
{
    public sealed class PostgreSqlApp : App, IRunsOnPostgreSql;
}
