using System.Net;
using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.DemoData;
using UserAdmin.Core.Persistence;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Users;

/// <summary>The users list over HTTP; search ignores letter case on every provider (TextMatch, ADR-0011).</summary>
public abstract class UsersListScenarios(UsersListScenarios.App app)
{
    public class App : UserAdminAppFactory;

    [Fact]
    public async Task The_administrator_lists_every_demo_user()
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);

        var page = await client.GetDocumentAsync("/users?status=All&pageSize=100");

        Assert.Equal($"{app.DemoUsers + 1} users", page.QuerySelector("#user-count")!.TextContent.Trim());
    }

    [Fact] // R-SEC-2
    public async Task The_supervisor_sees_only_users_of_their_two_teams()
    {
        using var client = await app.SignInAsync(TestAccounts.Supervisor);
        await using var db = app.CreateDbContext();
        var inScope = await db.Users.CountAsync(u => DemoTenant.SupervisorScopeTeams.Contains(u.Team!.Name));

        var page = await client.GetDocumentAsync("/users?status=All&pageSize=100");
        var teams = page.QuerySelectorAll("#users tbody tr td:nth-child(5)").Select(td => td.TextContent.Trim()).Distinct().Order().ToList();

        Assert.Equal($"{inScope} users", page.QuerySelector("#user-count")!.TextContent.Trim());
        Assert.Equal(DemoTenant.SupervisorScopeTeams.Order(), teams);
    }

    [Fact] // R-SEC-2
    public async Task A_user_outside_the_supervisors_view_is_not_found()
    {
        using var client = await app.SignInAsync(TestAccounts.Supervisor);
        await using var db = app.CreateDbContext();
        var outside = await db.Users.Where(u => u.Team == null || !DemoTenant.SupervisorScopeTeams.Contains(u.Team.Name)).Select(u => u.Id).FirstAsync();
        var inside = await db.Users.Where(u => DemoTenant.SupervisorScopeTeams.Contains(u.Team!.Name)).Select(u => u.Id).FirstAsync();

        using var refused = await client.GetAsync($"/users/{outside}");
        using var allowed = await client.GetAsync($"/users/{inside}");

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Theory]
    [InlineData("jenny", "Andrews, Jenny")]
    [InlineData("JENNY.ANDREWS@EXAMPLE", "Andrews, Jenny")]
    [InlineData("simagent4rnd", "Rodgers, Sam")]
    [InlineData("19", "Smith, John")]
    [InlineData("Smith, John", "Smith, John")]
    public async Task Search_finds_users_by_name_email_login_or_id(string search, string expected)
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);

        var page = await client.GetDocumentAsync($"/users?status=All&search={Uri.EscapeDataString(search)}");
        var names = page.QuerySelectorAll("#users tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim()).ToList();

        Assert.Contains(expected, names);
    }

    [Fact] // R-USR-1
    public async Task The_inactive_filter_lists_users_deactivated_today_or_earlier()
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);
        await using var db = app.CreateDbContext();
        var today = NodaTime.LocalDate.FromDateTime(UserAdminAppFactory.StartInstant.ToDateTimeUtc());
        var inactive = await db.Users.CountAsync(u => u.Deactivated != null && u.Deactivated <= today);

        var page = await client.GetDocumentAsync("/users?status=Inactive&pageSize=100");

        Assert.True(inactive > 0);
        Assert.Equal($"{inactive} users", page.QuerySelector("#user-count")!.TextContent.Trim());
        Assert.All(page.QuerySelectorAll("#users tbody .badge"), badge => Assert.Equal("Inactive", badge.TextContent));
    }

    [Fact]
    public async Task The_details_page_shows_every_field_and_keeps_leading_zeros()
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);

        var page = await client.GetDocumentAsync("/users/21");
        var labels = page.QuerySelectorAll("dl.fields dt").Select(dt => dt.TextContent).ToList();
        var employeeId = page.QuerySelectorAll("dl.fields dt").First(dt => dt.TextContent == "Employee ID").NextElementSibling!.TextContent;

        Assert.Equal(29, labels.Count);
        Assert.Equal("000020", employeeId);
    }

    public static TheoryData<string, string> SortsAndDirections => new()
    {
        { "Id", "Ascending" }, { "Id", "Descending" }, { "Name", "Ascending" }, { "Name", "Descending" },
        { "Email", "Ascending" }, { "Email", "Descending" }, { "Team", "Ascending" }, { "Team", "Descending" },
    };

    [Theory] // R-UX-4: every sortable column in both directions, the header saying which
    [MemberData(nameof(SortsAndDirections))]
    public async Task The_list_sorts_by_each_column_in_either_direction_and_the_header_says_so(string sort, string direction)
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);
        var column = sort switch { "Id" => 1, "Name" => 2, "Email" => 3, _ => 5 };

        var page = await client.GetDocumentAsync($"/users?status=All&pageSize=100&sort={sort}&direction={direction}");
        var values = page.QuerySelectorAll($"#users tbody tr td:nth-child({column})").Select(td => td.TextContent.Trim()).ToList();
        var header = page.QuerySelector($"#users th[data-sort={sort}]")!;

        IComparer<string> order = sort switch
        {
            "Id" => Comparer<string>.Create((a, b) => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture).CompareTo(int.Parse(b, System.Globalization.CultureInfo.InvariantCulture))),
            // Names sort by last name, then first name: the column shows "Last, First".
            "Name" => Comparer<string>.Create((a, b) => string.CompareOrdinal(a.Split(", ")[0], b.Split(", ")[0]) is var byLast and not 0 ? byLast : string.CompareOrdinal(a, b)),
            _ => StringComparer.OrdinalIgnoreCase,
        };
        var expected = direction == "Ascending" ? values.Order(order) : values.OrderDescending(order);
        Assert.Equal(app.DemoUsers + 1, values.Count);
        Assert.Equal(expected, values);

        Assert.Equal(direction.ToLowerInvariant(), header.GetAttribute("aria-sort"));
        Assert.Single(page.QuerySelectorAll("#users th[aria-sort]"));
        var reverse = direction == "Ascending" ? "Descending" : "Ascending";
        Assert.Contains($"direction={reverse}", header.QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal);
    }
}

/// <summary><see cref="UsersListScenarios"/> on a SQLite file.</summary>
[Collection(AppTestGroup.Name)]
public sealed class UsersListTests(UsersListScenarios.App app) : UsersListScenarios(app), IClassFixture<UsersListScenarios.App>;

/// <summary><see cref="UsersListScenarios"/> on PostgreSQL, whose LIKE alone would respect letter case.</summary>
[Collection(AppTestGroup.Name)]
[Trait(PostgreSqlServer.Trait, PostgreSqlServer.TraitValue)]
public sealed class PostgreSqlUsersListTests(PostgreSqlUsersListTests.PostgreSqlApp app) : UsersListScenarios(app), IClassFixture<PostgreSqlUsersListTests.PostgreSqlApp>
{
    public sealed class PostgreSqlApp : App, IRunsOnPostgreSql;
}
