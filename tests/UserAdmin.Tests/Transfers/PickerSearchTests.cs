using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.DemoData;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Transfers;

/// <summary>R-UX-3: the JSON search behind the type-ahead pickers, and the plain form's list.</summary>
[Collection(AppTestGroup.Name)]
public sealed class PickerSearchTests(PickerSearchTests.App app) : IClassFixture<PickerSearchTests.App>
{
    public sealed class App : UserAdminAppFactory;

    [Fact] // R-UX-3, R-SEC-4
    public async Task The_search_needs_a_signed_in_user()
    {
        using var client = app.CreateTestClient();

        using var response = await client.GetAsync("/transfers/single/users?search=a");

        using var script = new HttpRequestMessage(HttpMethod.Get, new Uri("/transfers/single/users?search=a", UriKind.Relative));
        script.Headers.Accept.ParseAdd("application/json");
        using var scriptResponse = await client.Http.SendAsync(script);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, scriptResponse.StatusCode); // what the type-ahead script asks for
    }

    [Fact] // R-UX-3, R-TRF-3: searching needs the permission the pickers' page needs
    public async Task The_search_refuses_an_administrator_without_the_transfer_permission()
    {
        using var client = await app.SignInAsync(TestAccounts.QmAdministrator);

        using var response = await client.GetAsync("/transfers/single/users?search=a");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact] // R-UX-3, R-SEC-2
    public async Task The_supervisor_finds_only_users_of_their_own_teams()
    {
        using var client = await app.SignInAsync(TestAccounts.Supervisor);
        await using var db = app.CreateDbContext();
        var inView = await db.Users.Where(u => DemoTenant.SupervisorScopeTeams.Contains(u.Team!.Name)).Select(u => u.Id).ToListAsync();
        var outside = await db.Users.Where(u => u.Team != null && !DemoTenant.SupervisorScopeTeams.Contains(u.Team.Name)).Select(u => u.Id).FirstAsync();

        var all = await SearchAsync(client, "", showInactive: true);
        var byId = await SearchAsync(client, outside.ToString(System.Globalization.CultureInfo.InvariantCulture), showInactive: true);

        Assert.Equal(inView.Count, all.GetProperty("total").GetInt32());
        Assert.All(Ids(all), id => Assert.Contains(id, inView));
        Assert.Equal(0, byId.GetProperty("total").GetInt32());
        Assert.Equal("No users match.", byId.GetProperty("message").GetString());
    }

    [Fact] // R-UX-3, R-TRF-3
    public async Task A_tenant_administrator_is_listed_with_the_reason_they_cannot_be_chosen()
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);

        var found = await SearchAsync(client, TestAccounts.AdminEmail, showInactive: false);
        var admin = Assert.Single(found.GetProperty("users").EnumerateArray());

        Assert.Equal("Tenant administrator: tenant administrators' data cannot be transferred.", admin.GetProperty("reason").GetString());
        Assert.Contains("Tenant administrator", admin.GetProperty("label").GetString(), StringComparison.Ordinal);
        Assert.Equal("1 matching user.", found.GetProperty("message").GetString()); // R-UX-4
    }

    [Fact] // R-UX-3
    public async Task An_ordinary_user_can_be_chosen_and_the_list_says_how_many_match()
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);

        var found = await SearchAsync(client, "Andrews", showInactive: true);
        var all = await SearchAsync(client, "", showInactive: true);

        var jenny = Assert.Single(found.GetProperty("users").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, jenny.GetProperty("reason").ValueKind);
        Assert.StartsWith("Jenny Andrews (", jenny.GetProperty("label").GetString(), StringComparison.Ordinal);
        Assert.Equal(25, all.GetProperty("users").GetArrayLength());
        Assert.Equal($"Showing 25 of {app.DemoUsers + 1} matching users; type more to narrow them.", all.GetProperty("message").GetString());
    }

    [Fact] // R-UX-3: without JavaScript the same list is rendered, the tenant administrator disabled
    public async Task The_plain_form_lists_the_tenant_administrator_as_a_disabled_option()
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);

        var page = await client.GetDocumentAsync("/transfers/single?targetSearch=" + Uri.EscapeDataString(TestAccounts.AdminEmail) + "&sourceSearch=Andrews");

        var option = Assert.Single(page.QuerySelectorAll("#target option"));
        Assert.True(option.HasAttribute("disabled"));
        Assert.EndsWith("Tenant administrator: tenant administrators' data cannot be transferred.", option.TextContent, StringComparison.Ordinal);
        Assert.False(Assert.Single(page.QuerySelectorAll("#source option")).HasAttribute("disabled"));
    }

    [Fact] // R-UX-3: the user page starts a transfer with this user as the source
    public async Task The_user_page_offers_to_transfer_this_users_data_except_for_a_tenant_administrator()
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);
        await using var db = app.CreateDbContext();
        var jenny = await db.Users.SingleAsync(u => u.FirstName == "Jenny" && u.LastName == "Andrews");
        var admin = await db.Users.SingleAsync(u => u.Email == TestAccounts.AdminEmail);

        var jennysPage = await client.GetDocumentAsync($"/users/{jenny.Id}");
        var adminsPage = await client.GetDocumentAsync($"/users/{admin.Id}");

        Assert.Equal($"/transfers/single?source={jenny.Id}", jennysPage.QuerySelector("a#transfer-this-user")!.GetAttribute("href"));
        Assert.Null(adminsPage.QuerySelector("a#transfer-this-user"));
        Assert.Contains("tenant administrators' data cannot be transferred", adminsPage.QuerySelector("#transfer-unavailable")!.TextContent, StringComparison.Ordinal);
    }

    private static IEnumerable<int> Ids(JsonElement found) => found.GetProperty("users").EnumerateArray().Select(u => u.GetProperty("id").GetInt32());

    private static async Task<JsonElement> SearchAsync(TestClient client, string search, bool showInactive)
    {
        using var response = await client.GetAsync($"/transfers/single/users?search={Uri.EscapeDataString(search)}&showInactive={(showInactive ? "true" : "false")}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }
}
