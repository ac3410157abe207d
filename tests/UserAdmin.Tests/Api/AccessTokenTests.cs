using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using UserAdmin.Core.DemoData;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Api;

/// <summary>R-API-1: personal access tokens on /account/tokens, with real cookies and antiforgery tokens, and what the API makes of them.</summary>
[Collection(AppTestGroup.Name)]
public sealed class AccessTokenTests(AccessTokenTests.App app) : IClassFixture<AccessTokenTests.App>
{
    public sealed class App : UserAdminAppFactory;

    private const string Export = "/api/v1/people.csv";

    [Fact] // R-API-1: shown once, stored hashed
    public async Task A_new_token_is_shown_once_and_stored_only_as_its_hash()
    {
        var (owner, ownerId) = await TokenOwners.AddAsync(app, "shown-once", DemoTenant.SupervisorRoleName);
        using var browser = await app.SignInAsync(owner);

        using var created = await browser.PostFormAsync("/account/tokens", "/account/tokens", new Dictionary<string, string> { ["name"] = "nightly HR import", ["expiresOn"] = "2026-09-13" });
        var secret = (await TestClient.ParseAsync(created)).QuerySelector("#new-token-secret")!.TextContent.Trim();
        var list = await browser.GetDocumentAsync("/account/tokens");

        Assert.True(created.Headers.CacheControl?.NoStore);
        Assert.Matches("^uat_[0-9]+_[A-Za-z0-9_-]{43}$", secret);
        Assert.DoesNotContain(secret, list.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Equal("nightly HR import", list.QuerySelector("#tokens td.name")!.TextContent);
        Assert.Equal("Active", list.QuerySelector("#tokens td.state")!.TextContent);
        await using var db = app.CreateDbContext();
        var stored = await db.AccessTokens.SingleAsync(t => t.UserId == ownerId);
        Assert.Equal(SHA256.HashData(Encoding.ASCII.GetBytes(secret[(secret.IndexOf('_', 4) + 1)..])), stored.SecretHash);
        Assert.Equal(Instant.FromUtc(2026, 9, 14, 0, 0), stored.ExpiresAt); // valid through the end of the day, tenant zone UTC
    }

    [Theory] // R-API-1: expiry ≤ 1 year; bad input gets a message and changes nothing
    [InlineData("2026-06-15", "not in the future")]
    [InlineData("2027-06-16", "more than a year away")]
    [InlineData("15/06/2027", "is not a date")]
    [InlineData("", "Choose the date")]
    public async Task An_expiry_that_is_not_within_the_next_year_is_refused(string expiresOn, string message)
    {
        var (owner, ownerId) = await TokenOwners.AddAsync(app, "expiry-" + Guid.NewGuid().ToString("N")[..8], DemoTenant.SupervisorRoleName);
        using var browser = await app.SignInAsync(owner);

        using var response = await browser.PostFormAsync("/account/tokens", "/account/tokens", new Dictionary<string, string> { ["name"] = "x", ["expiresOn"] = expiresOn });
        var page = await TestClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, page.QuerySelector("#token-problem")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#new-token-secret"));
        await using var db = app.CreateDbContext();
        Assert.False(await db.AccessTokens.AnyAsync(t => t.UserId == ownerId));
    }

    [Fact] // R-API-1: the last day a year from today is accepted
    public async Task An_expiry_exactly_a_year_away_is_accepted()
    {
        var (owner, _) = await TokenOwners.AddAsync(app, "a-year", DemoTenant.SupervisorRoleName);
        using var browser = await app.SignInAsync(owner);

        var secret = await browser.CreateApiTokenAsync("yearly", "2027-06-15");
        using var api = ApiClient.WithToken(app, secret);

        using var response = await api.GetAsync(Export);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact] // R-API-1: revoke
    public async Task A_revoked_token_gets_401_with_a_problem_detail()
    {
        var (owner, ownerId) = await TokenOwners.AddAsync(app, "revoked", DemoTenant.SupervisorRoleName);
        using var browser = await app.SignInAsync(owner);
        using var api = ApiClient.WithToken(app, await browser.CreateApiTokenAsync("to revoke"));
        await using var db = app.CreateDbContext();
        var id = await db.AccessTokens.Where(t => t.UserId == ownerId).Select(t => t.Id).SingleAsync();
        using (var before = await api.GetAsync(Export))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var revoke = await browser.PostFormAsync("/account/tokens", $"/account/tokens/{id}/revoke", []);
        using var after = await api.GetAsync(Export);
        var problem = await ApiClient.ReadAsync(after, HttpStatusCode.Unauthorized);
        var list = await browser.GetDocumentAsync("/account/tokens");

        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        Assert.Contains("revoked by its owner", ApiClient.Detail(problem), StringComparison.Ordinal);
        Assert.Contains("invalid_token", after.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal("Revoked", list.QuerySelector("#tokens td.state")!.TextContent);
        Assert.Null(list.QuerySelector($"form[action='/account/tokens/{id}/revoke']"));
    }

    [Fact] // R-API-1: nobody revokes someone else's token
    public async Task Nobody_revokes_another_users_token()
    {
        var (owner, ownerId) = await TokenOwners.AddAsync(app, "victim", DemoTenant.SupervisorRoleName);
        var (other, _) = await TokenOwners.AddAsync(app, "other", DemoTenant.SupervisorRoleName);
        using var ownerApi = await ApiClient.ForAsync(app, owner);
        using var otherBrowser = await app.SignInAsync(other);
        await using var db = app.CreateDbContext();
        var id = await db.AccessTokens.Where(t => t.UserId == ownerId).Select(t => t.Id).SingleAsync();

        using var revoke = await otherBrowser.PostFormAsync("/account/tokens", $"/account/tokens/{id}/revoke", []);
        var page = await otherBrowser.GetDocumentAsync("/account/tokens");
        using var still = await ownerApi.GetAsync(Export);

        Assert.Contains("not one of yours", page.QuerySelector("#tokens-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }

    [Fact] // R-API-1: expiry
    public async Task An_expired_token_gets_401_with_a_problem_detail()
    {
        var (owner, ownerId) = await TokenOwners.AddAsync(app, "expired", DemoTenant.SupervisorRoleName);
        using var api = await ApiClient.ForAsync(app, owner);
        await using var db = app.CreateDbContext();
        await db.AccessTokens.Where(t => t.UserId == ownerId).ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, app.Clock.GetCurrentInstant()));

        using var response = await api.GetAsync(Export);
        var problem = await ApiClient.ReadAsync(response, HttpStatusCode.Unauthorized);

        Assert.Contains("expired on 2026-06-15 09:00 (UTC)", ApiClient.Detail(problem), StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BadTokens => new()
    {
        { "not-a-token", "not a UserAdmin access token" },
        { "uat_1_short", "not a UserAdmin access token" },
        { "uat_x_" + new string('A', 43), "not a UserAdmin access token" },
        { "uat_999999_" + new string('A', 43), "not known" },
    };

    [Theory] // R-API-1: malformed or unknown tokens
    [MemberData(nameof(BadTokens))]
    public async Task A_malformed_or_unknown_token_gets_401_with_a_problem_detail(string token, string message)
    {
        using var api = ApiClient.WithToken(app, token);

        using var response = await api.GetAsync(Export);
        var problem = await ApiClient.ReadAsync(response, HttpStatusCode.Unauthorized);

        Assert.Contains(message, ApiClient.Detail(problem), StringComparison.Ordinal);
    }

    [Fact] // R-API-1: the secret is compared, not only the id
    public async Task A_token_with_a_changed_secret_is_not_known()
    {
        var (owner, _) = await TokenOwners.AddAsync(app, "changed", DemoTenant.SupervisorRoleName);
        using var genuine = await ApiClient.ForAsync(app, owner);
        var last = genuine.Token[^1];
        using var forged = ApiClient.WithToken(app, genuine.Token[..^1] + (last == 'A' ? 'B' : 'A'));

        using var response = await forged.GetAsync(Export);
        var problem = await ApiClient.ReadAsync(response, HttpStatusCode.Unauthorized);

        Assert.Contains("not known", ApiClient.Detail(problem), StringComparison.Ordinal);
    }

    [Fact] // R-API-1: the owner's current permissions, never more
    public async Task A_token_acts_with_its_owners_permissions_as_they_are_at_each_call()
    {
        var (owner, ownerId) = await TokenOwners.AddAsync(app, "demoted", DemoTenant.SupervisorRoleName);
        using var api = await ApiClient.ForAsync(app, owner);

        using var allowed = await api.GetAsync(Export);
        await TokenOwners.SetRolesAsync(app, ownerId, DemoTenant.AgentRoleName);
        using var refused = await api.GetAsync(Export);
        var problem = await ApiClient.ReadAsync(refused, HttpStatusCode.Forbidden);
        await TokenOwners.SetRolesAsync(app, ownerId, DemoTenant.SupervisorRoleName);
        using var again = await api.GetAsync(Export);

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Contains("needs the Export Users permission", ApiClient.Detail(problem), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact] // R-API-1: stops working when the owner is deactivated, and stays dead
    public async Task A_token_dies_with_its_owners_deactivation_and_stays_dead_after_a_reactivation()
    {
        var (owner, ownerId) = await TokenOwners.AddAsync(app, "leaver", DemoTenant.SupervisorRoleName);
        using var api = await ApiClient.ForAsync(app, owner);

        await TokenOwners.SetDeactivatedAsync(app, ownerId, new LocalDate(2026, 6, 15));
        using var deactivated = await api.GetAsync(Export);
        var first = await ApiClient.ReadAsync(deactivated, HttpStatusCode.Unauthorized);
        await TokenOwners.SetDeactivatedAsync(app, ownerId, null);
        using var reactivated = await api.GetAsync(Export);
        var second = await ApiClient.ReadAsync(reactivated, HttpStatusCode.Unauthorized);
        using var browser = await app.SignInAsync(owner);
        var list = await browser.GetDocumentAsync("/account/tokens");

        Assert.Contains("can no longer sign in", ApiClient.Detail(first), StringComparison.Ordinal);
        Assert.Contains("revoked because its owner could no longer sign in", ApiClient.Detail(second), StringComparison.Ordinal);
        Assert.Equal("Revoked: you could not sign in", list.QuerySelector("#tokens td.state")!.TextContent);
    }
}
