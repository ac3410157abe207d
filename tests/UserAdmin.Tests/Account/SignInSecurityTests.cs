using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using UserAdmin.Core.Security;
using UserAdmin.Core.Users;
using UserAdmin.Tests.Infrastructure;
using UserAdmin.Tests.People;

namespace UserAdmin.Tests.Account;

/// <summary>R-SEC-7: sign-in tells nothing and cannot be raced; sessions end with the security stamp.</summary>
[Collection(AppTestGroup.Name)]
public sealed partial class SignInSecurityTests(SignInSecurityTests.App app) : IClassFixture<SignInSecurityTests.App>
{
    private const string WrongAnswer = "do not match an account";
    private const string LockedAnswer = "Too many failed sign-ins";

    public sealed class App : UserAdminAppFactory
    {
        public CountingHasher Hasher { get; } = new();

        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Tenant:TimeZone", "Europe/Berlin")];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<User>>(Hasher));
        }
    }

    [Fact] // R-SEC-7: the same answer and the same verification for a name that is no account
    public async Task An_unknown_account_gets_the_same_answer_and_work_as_a_wrong_password()
    {
        var (unknownAnswer, unknownWork) = await AttemptAsync("nobody.at.all@example.com", "whatever");
        var (wrongAnswer, wrongWork) = await AttemptAsync(await CreateAccountAsync(), "wrong");

        Assert.Equal(1, unknownWork);
        Assert.Equal(wrongWork, unknownWork);
        Assert.Equal(wrongAnswer, unknownAnswer);
        Assert.Contains(WrongAnswer, unknownAnswer, StringComparison.Ordinal);
    }

    [Fact] // R-SEC-7: an unknown name locks like an account, with the same words and the same work
    public async Task Lockouts_read_the_same_for_unknown_accounts_and_are_shown_with_seconds_in_the_tenant_zone()
    {
        var account = await CreateAccountAsync();
        const string unknown = "never.existed@example.com";
        for (var attempt = 0; attempt < new SignInSettings().MaxFailures; attempt++)
        {
            await AttemptAsync(account, "wrong");
            await AttemptAsync(unknown, "wrong");
        }

        var (accountAnswer, accountWork) = await AttemptAsync(account, TestAccounts.DemoPassword);
        var (unknownAnswer, unknownWork) = await AttemptAsync(unknown, TestAccounts.DemoPassword);

        Assert.Equal(accountAnswer, unknownAnswer);
        Assert.Equal((1, 1), (accountWork, unknownWork));
        var until = app.Clock.GetCurrentInstant() + SignInSettings.LockoutSteps[0];
        Assert.Contains($"locked until {until.InZone(DateTimeZoneProviders.Tzdb["Europe/Berlin"]):yyyy'-'MM'-'dd HH':'mm':'ss} (Europe/Berlin)", accountAnswer, StringComparison.Ordinal);
    }

    [Fact] // R-SEC-7: 1, 5, 15, then 60 minutes
    public async Task Each_lockout_lasts_longer_than_the_one_before()
    {
        var account = await CreateAccountAsync();
        var max = new SignInSettings().MaxFailures;
        foreach (var step in SignInSettings.LockoutSteps.Append(SignInSettings.LockoutSteps[^1]))
        {
            for (var attempt = 1; attempt <= max; attempt++)
            {
                var (answer, _) = await AttemptAsync(account, "wrong");
                Assert.Contains(attempt < max ? WrongAnswer : LockedAnswer, answer, StringComparison.Ordinal);
            }

            await using (var db = app.CreateDbContext())
            {
                var lockout = await db.SignInLockouts.SingleAsync(l => l.Key == SignInLockout.KeyOfUser(IdOf(db, account)));
                Assert.Equal(app.Clock.GetCurrentInstant() + step, lockout.LockedOutUntil);
            }

            app.Clock.Advance(step - Duration.FromSeconds(1));
            Assert.Contains(LockedAnswer, (await AttemptAsync(account, TestAccounts.DemoPassword)).Answer, StringComparison.Ordinal);
            app.Clock.Advance(Duration.FromSeconds(2));
        }

        using var client = await app.SignInAsync(new TestAccount(account, TestAccounts.DemoPassword));
    }

    [Fact] // R-SEC-7: failures are counted in the database, atomically
    public async Task Twenty_concurrent_wrong_guesses_lock_the_account_after_exactly_the_configured_number()
    {
        var account = await CreateAccountAsync();
        var clients = Enumerable.Range(0, 20).Select(_ => app.CreateTestClient()).ToList();
        var forms = await Task.WhenAll(clients.Select(c => c.PrepareFormAsync("/account/login", "/account/login", Fields(account, "wrong"))));

        var answers = await Task.WhenAll(forms.Select(async form =>
        {
            using var response = await form.PostAsync();
            return (response.StatusCode, Text: (await TestClient.ParseAsync(response)).QuerySelector(".alert-error")?.TextContent ?? "");
        }));
        clients.ForEach(c => c.Dispose());

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.All(answers, a => Assert.True(a.Text.Contains(WrongAnswer, StringComparison.Ordinal) || a.Text.Contains(LockedAnswer, StringComparison.Ordinal), a.Text));
        Assert.InRange(answers.Count(a => a.Text.Contains(WrongAnswer, StringComparison.Ordinal)), 0, new SignInSettings().MaxFailures - 1);
        await using var db = app.CreateDbContext();
        var lockout = await db.SignInLockouts.SingleAsync(l => l.Key == SignInLockout.KeyOfUser(IdOf(db, account)));
        Assert.Equal((1, 0), (lockout.Lockouts, lockout.Failures)); // exactly MaxFailures counted: one lockout, nothing left over
    }

    [Fact] // R-SEC-7: signing out renews the stamp
    public async Task A_cookie_replayed_after_sign_out_is_refused()
    {
        var account = await CreateAccountAsync();
        var (client, cookies) = await SignInWithCookiesAsync(account);
        using (client)
        {
            Assert.False(await IsSentToSignInAsync(cookies));

            using var signOut = await client.PostFormAsync("/account/login", "/account/logout", []);
        }

        Assert.True(await IsSentToSignInAsync(cookies));
    }

    [Fact] // R-SEC-7: a change of roles by import ends the user's sessions; a change of their name does not
    public async Task A_cookie_of_a_user_whose_roles_changed_is_refused()
    {
        var account = await CreateAccountAsync();
        var (client, cookies) = await SignInWithCookiesAsync(account);
        client.Dispose();
        using var admin = await app.SignInAsync(TestAccounts.Admin);
        var steps = new ImportSteps(admin);

        await ImportAsync(steps, account, "First Name", "Renamed");
        Assert.False(await IsSentToSignInAsync(cookies));

        await ImportAsync(steps, account, "Roles", "Agent;Team Lead");
        Assert.True(await IsSentToSignInAsync(cookies));
    }

    private static async Task ImportAsync(ImportSteps steps, string email, string header, string value)
    {
        var file = PeopleFile.Parse(await steps.ExportAsync()).Only(email);
        file[file.Rows[0], header] = value;
        var (resultUrl, error) = await steps.ApplyAsync(await steps.PreviewAsync(file.ToBytes()));
        Assert.True(resultUrl is not null, error);
    }

    private async Task<(TestClient Client, string Cookies)> SignInWithCookiesAsync(string account)
    {
        var jar = new CookieContainer();
        var client = new TestClient(app.CreateDefaultClient(new CookieContainerHandler(jar)));
        await client.SignInAsync(new TestAccount(account, TestAccounts.DemoPassword));
        return (client, jar.GetCookieHeader(client.Http.BaseAddress!));
    }

    private async Task<bool> IsSentToSignInAsync(string cookies)
    {
        using var http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/", UriKind.Relative));
        request.Headers.Add("Cookie", cookies);
        using var response = await http.SendAsync(request);
        return response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/login", StringComparison.Ordinal);
    }

    private async Task<(string Answer, int Work)> AttemptAsync(string name, string password)
    {
        using var client = app.CreateTestClient();
        var form = await client.PrepareFormAsync("/account/login", "/account/login", Fields(name, password));
        var before = app.Hasher.Verifications;
        using var response = await form.PostAsync();
        var work = app.Hasher.Verifications - before;
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            return ("signed in", work);
        }

        var text = (await TestClient.ParseAsync(response)).QuerySelector(".alert-error")?.TextContent.Trim() ?? "";
        return (Whitespace().Replace(text, " "), work);
    }

    /// <summary>An account of its own per test, so that lockouts never reach into another test.</summary>
    private async Task<string> CreateAccountAsync()
    {
        await using var db = app.CreateDbContext();
        var user = new User { Email = $"sign.in.{Guid.NewGuid():N}@example.com", FirstName = "Sign", LastName = "In" };
        user.PasswordHash = new PasswordHasher<User>().HashPassword(user, TestAccounts.DemoPassword);
        user.Roles.Add(await db.Roles.SingleAsync(r => r.Name == "Agent"));
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Email;
    }

    private static int IdOf(Core.Persistence.UserAdminDbContext db, string email) => db.Users.Single(u => u.Email == email).Id;

    private static Dictionary<string, string> Fields(string login, string password) => new()
    {
        ["EmailOrLogin"] = login,
        ["Password"] = password,
    };

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
