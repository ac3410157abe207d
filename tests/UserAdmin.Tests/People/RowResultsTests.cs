using System.Globalization;
using Microsoft.EntityFrameworkCore;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.People;

/// <summary>R-IMP-14 (first half): after an import is applied, the outcome of every row can be downloaded as CSV.</summary>
[Collection(AppTestGroup.Name)]
public sealed class RowResultsTests(RowResultsTests.App app) : IClassFixture<RowResultsTests.App>
{
    public sealed class App : UserAdminAppFactory;

    [Fact] // R-IMP-14, R-EXP-4, R-SEC-8
    public async Task The_results_name_each_line_with_its_user_and_outcome_and_are_private_and_formula_safe()
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);
        var steps = new ImportSteps(client);
        var file = PeopleFile.Parse(await steps.ExportAsync());
        await using var db = app.CreateDbContext();
        var ids = await db.Users.Where(u => u.Id > 4 && u.PasswordHash == null).OrderBy(u => u.Id).Take(2).Select(u => u.Id).ToListAsync();
        var rows = ids.ConvertAll(id => file.Rows.Single(r => file[r, "User ID"] == id.ToString(CultureInfo.InvariantCulture)));
        var only = new PeopleFile(file.Headers, rows);
        only[only.Rows[0], "Last Name"] = "Resulted";
        only.AddRow(("User ID", "0"), ("First Name", "Row"), ("Last Name", "Result"), ("Email", "row.result@example.com"), ("Team", "Alpha"));
        only.AddRow(("User ID", "0"), ("First Name", "Bad"), ("Last Name", "Row"), ("Email", "=cmd|' /C calc'!A0"), ("Team", "Alpha"));

        var (resultUrl, error) = await steps.ApplyAsync(await steps.PreviewAsync(only.ToBytes()), importValidRowsOnly: true);
        Assert.True(error is null, error);
        var page = await client.GetDocumentAsync(resultUrl!);
        using var response = await client.GetAsync(page.QuerySelector("#row-results")!.GetAttribute("href")!);
        var results = PeopleFile.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("no-store", response.Headers.CacheControl?.ToString()); // R-SEC-9
        Assert.Equal(["Line", "User ID", "Outcome", "Details"], results.Headers);
        var created = await db.Users.SingleAsync(u => u.Email == "row.result@example.com");
        Assert.Equal(["2", ids[0].ToString(CultureInfo.InvariantCulture), "Updated", "Changed: Last Name"], results.Rows[0]);
        Assert.Equal(["3", ids[1].ToString(CultureInfo.InvariantCulture), "Unchanged", ""], results.Rows[1]);
        Assert.Equal(["4", created.Id.ToString(CultureInfo.InvariantCulture), "Created", ""], results.Rows[2]);
        Assert.Equal("Skipped", results.Rows[3][2]);
        Assert.Contains("Email", results.Rows[3][3], StringComparison.Ordinal);
        Assert.DoesNotContain(results.Rows.SelectMany(r => r), cell => cell.Length > 0 && "=+-@\t\r".Contains(cell[0], StringComparison.Ordinal));

        using var other = await app.SignInAsync(TestAccounts.Supervisor);
        using var hidden = await other.GetAsync(resultUrl + "/results");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, hidden.StatusCode); // R-SEC-8: the importer's and tenant administrators' only
    }
}
