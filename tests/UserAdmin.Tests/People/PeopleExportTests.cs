using System.Net;
using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.DemoData;
using UserAdmin.Core.People;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.People;

[Collection(AppTestGroup.Name)]
public sealed class PeopleExportTests(PeopleExportTests.App app) : IClassFixture<PeopleExportTests.App>
{
    public sealed class App : UserAdminAppFactory;

    private const string ExpectedHeader =
        "User ID,First Name,Last Name,Email,ACD ID,ACD Server ID,Activated,Company End Date,Company Start Date,Deactivated,Department Start Date,Display Time Zone,Employee ID,Enable Scheduling,Full Scope,Locale,Login,Max Staffing Group,Member Group,QM Views,Rank,Roles,Schedule Release Profile,Scheduling Time Zone,Scope Groups,Scope Teams,Skill Mappings,Team,Work Condition Profile";

    [Fact] // R-EXP-1, R-EXP-2
    public async Task People_csv_has_exactly_the_headers_in_order_with_BOM_and_CRLF()
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);
        using var response = await client.GetAsync("/people/export");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = System.Text.Encoding.UTF8.GetString(bytes.AsSpan(3));

        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Contains("people.csv", response.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.StartsWith(ExpectedHeader + "\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(app.DemoUsers + 1, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1);
    }

    [Theory] // R-EXP-2: the four date formats
    [InlineData("YYYY-MM-DD", "2024-03-05")]
    [InlineData("DD/MM/YYYY", "05/03/2024")]
    [InlineData("MM/DD/YYYY", "03/05/2024")]
    [InlineData("YYYY/MM/DD", "2024/03/05")]
    public async Task Dates_are_written_in_the_chosen_format(string format, string expected)
    {
        await using (var db = app.CreateDbContext())
        {
            var user = await db.Users.SingleAsync(u => u.Email == DemoTenant.AgentEmail);
            user.CompanyStartDate = new NodaTime.LocalDate(2024, 3, 5);
            await db.SaveChangesAsync();
        }

        using var client = await app.SignInAsync(TestAccounts.Admin);
        var text = await new ImportSteps(client).ExportAsync("?dateFormat=" + Uri.EscapeDataString(format));
        var agentLine = text.Split("\r\n").Single(l => l.Contains(DemoTenant.AgentEmail, StringComparison.Ordinal));

        Assert.Contains("," + expected + ",", agentLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_date_format_is_refused_with_the_accepted_ones()
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);
        using var response = await client.GetAsync("/people/export?dateFormat=YY.MM.DD");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact] // R-EXP-4
    public async Task Formula_like_cells_are_neutralised()
    {
        await using (var db = app.CreateDbContext())
        {
            var user = await db.Users.SingleAsync(u => u.Email == DemoTenant.AgentEmail);
            user.AcdId = "=HYPERLINK(\"http://evil\")";
            user.EmployeeId = "-10";
            await db.SaveChangesAsync();
        }

        using var client = await app.SignInAsync(TestAccounts.Admin);
        var text = await new ImportSteps(client).ExportAsync();
        var agentLine = text.Split("\r\n").Single(l => l.Contains(DemoTenant.AgentEmail, StringComparison.Ordinal));

        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\")\"", agentLine, StringComparison.Ordinal);
        Assert.Contains(",'-10,", agentLine, StringComparison.Ordinal);
    }

    [Fact] // R-SEC-2: export sees only the view
    public async Task The_supervisor_exports_only_users_in_their_view()
    {
        await using var db = app.CreateDbContext();
        var inScope = await db.Users.CountAsync(u => DemoTenant.SupervisorScopeTeams.Contains(u.Team!.Name));
        using var client = await app.SignInAsync(TestAccounts.Supervisor);

        var text = await new ImportSteps(client).ExportAsync();
        var rows = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();

        Assert.Equal(inScope, rows.Count);
        Assert.All(rows, r => Assert.Contains(r.Split(',')[(int)PersonField.Team], DemoTenant.SupervisorScopeTeams));
    }

    [Fact] // R-SEC-4: export needs ExportUsers
    public async Task An_agent_cannot_export()
    {
        using var client = await app.SignInAsync(TestAccounts.Agent);
        using var response = await client.GetAsync("/people/export");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public void The_field_catalogue_is_the_R_EXP_1_header_list()
    {
        Assert.Equal(ExpectedHeader, string.Join(',', PersonFields.All.Select(f => f.Header)));
    }
}
