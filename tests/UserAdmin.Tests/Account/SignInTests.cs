using System.Net;
using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Security;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Account;

[Collection(AppTestGroup.Name)]
public sealed class SignInTests(SignInTests.App app) : IClassFixture<SignInTests.App>
{
    public sealed class App : UserAdminAppFactory;

    [Theory] // R-SEC-4
    [InlineData("/")]
    [InlineData("/users")]
    [InlineData("/users/2")]
    [InlineData("/hangfire")]
    public async Task Every_page_needs_a_signed_in_user(string url)
    {
        using var client = app.CreateTestClient();

        using var response = await client.GetAsync(url);

        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Unauthorized, $"{url} answered {(int)response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact] // R-SEC-4
    public async Task Anonymous_root_redirects_to_the_sign_in_page()
    {
        using var client = app.CreateTestClient();

        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
    }

    [Fact] // R-SEC-4
    public async Task The_administrator_signs_in_with_email_or_login()
    {
        using var byEmail = await app.SignInAsync(TestAccounts.Admin);
        using var byLogin = await app.SignInAsync(new TestAccount("ADMIN", TestAccounts.AdminPassword));

        using var response = await byLogin.GetAsync("/users");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact] // R-SEC-4
    public async Task A_wrong_password_is_refused_with_a_message()
    {
        using var client = app.CreateTestClient();

        using var response = await client.PostFormAsync("/account/login", "/account/login", Fields(TestAccounts.Agent.EmailOrLogin, "wrong"));
        var page = await TestClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("do not match an account", page.QuerySelector(".alert-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact] // R-SEC-4, R-SEC-7: the first lockout lasts one minute
    public async Task Repeated_failures_lock_the_account_even_for_the_right_password()
    {
        using var client = app.CreateTestClient();
        var account = TestAccounts.QmAdministrator;
        for (var attempt = 0; attempt < new SignInSettings().MaxFailures; attempt++)
        {
            using var _ = await client.PostFormAsync("/account/login", "/account/login", Fields(account.EmailOrLogin, "wrong-" + attempt));
        }

        using var response = await client.PostFormAsync("/account/login", "/account/login", Fields(account.EmailOrLogin, account.Password));
        var page = await TestClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("locked", page.QuerySelector(".alert-error")!.TextContent, StringComparison.Ordinal);

        app.Clock.Advance(SignInSettings.LockoutSteps[0] + NodaTime.Duration.FromSeconds(1));
        using var later = await client.PostFormAsync("/account/login", "/account/login", Fields(account.EmailOrLogin, account.Password));
        Assert.Equal(HttpStatusCode.Redirect, later.StatusCode);
    }

    [Fact] // R-SEC-4
    public async Task A_post_without_an_antiforgery_token_is_refused()
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>());

        using var response = await client.Http.PostAsync(new Uri("/account/logout", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact] // R-SEC-4
    public async Task Passwords_are_stored_as_PasswordHasher_hashes()
    {
        await using var db = app.CreateDbContext();

        var hash = await db.Users.Where(u => u.Email == TestAccounts.AdminEmail).Select(u => u.PasswordHash).SingleAsync();

        Assert.NotNull(hash);
        Assert.DoesNotContain(TestAccounts.AdminPassword, hash, StringComparison.Ordinal);
        Assert.Equal(0x01, Convert.FromBase64String(hash)[0]); // PasswordHasher V3 format marker
    }

    [Fact] // R-SEC-4
    public async Task Signing_out_ends_the_session()
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);

        using var signOut = await client.PostFormAsync("/users", "/account/logout", []);
        using var after = await client.GetAsync("/users");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact] // R-SEC-4
    public async Task Only_tenant_administrators_reach_the_Hangfire_dashboard()
    {
        using var admin = await app.SignInAsync(TestAccounts.Admin);
        using var supervisor = await app.SignInAsync(TestAccounts.Supervisor);

        using var allowed = await admin.GetAsync("/hangfire");
        using var refused = await supervisor.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    private static Dictionary<string, string> Fields(string login, string password) => new()
    {
        ["EmailOrLogin"] = login,
        ["Password"] = password,
    };
}
