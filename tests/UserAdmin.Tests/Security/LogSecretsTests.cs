using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Security;

/// <summary>
/// R-SEC-4 and DESIGN 8 (no personal data beyond user ids in logs): signing in, failing to, and using
/// every page leaves no password, session cookie, antiforgery token or sign-in email in any log entry, at any level.
/// </summary>
[Collection(AppTestGroup.Name)]
public sealed class LogSecretsTests(LogSecretsTests.App app) : IClassFixture<LogSecretsTests.App>
{
    private const string WrongPassword = "Wrong-Password-7?";
    private const string UnknownEmail = "nobody@example.com";

    [Fact] // R-SEC-4, DESIGN 8
    public async Task Signing_in_and_using_every_page_logs_no_password_cookie_token_or_email()
    {
        var admin = await app.VisitorAsync(nameof(TestAccounts.Admin));
        var agent = await app.VisitorAsync(nameof(TestAccounts.Agent));
        await FailToSignInAsync(TestAccounts.Supervisor.EmailOrLogin);
        await FailToSignInAsync(UnknownEmail);
        foreach (var endpoint in await app.EndpointsAsync())
        {
            using var withToken = await app.SendAsync(admin, endpoint);
            using var withoutToken = await app.SendAsync(agent, endpoint, withFormToken: false);
        }

        var passwords = new[] { TestAccounts.AdminPassword, TestAccounts.DemoPassword, WrongPassword };
        var sessions = new[] { admin, agent }.SelectMany(v => CookieValues(v).Append(v.FormToken));
        var emails = new[] { TestAccounts.AdminEmail, TestAccounts.Agent.EmailOrLogin, TestAccounts.Supervisor.EmailOrLogin, UnknownEmail };
        var secrets = passwords.Concat(sessions).Concat(emails).ToList();
        var leaks = app.Logs.Entries
            .SelectMany(entry => secrets.Where(secret => entry.Contains(secret, StringComparison.OrdinalIgnoreCase)).Select(secret => $"{Shorten(secret)} in: {entry}"))
            .ToList();

        Assert.True(app.Logs.Entries.Count > 100, $"only {app.Logs.Entries.Count} log entries were recorded");
        Assert.True(leaks.Count == 0, string.Join(Environment.NewLine, leaks));
    }

    private async Task FailToSignInAsync(string emailOrLogin)
    {
        using var client = app.CreateTestClient();
        using var response = await client.PostFormAsync("/account/login", "/account/login", new Dictionary<string, string>
        {
            ["EmailOrLogin"] = emailOrLogin,
            ["Password"] = WrongPassword,
        });
        Assert.Contains("do not match an account", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static IEnumerable<string> CookieValues(Visitor visitor) =>
        visitor.Cookies.Split("; ").Select(cookie => cookie[(cookie.IndexOf('=', StringComparison.Ordinal) + 1)..]).Where(value => value.Length > 0);

    private static string Shorten(string secret) => secret.Length > 12 ? secret[..12] + "…" : secret;

    public sealed class App : SecurityApp
    {
        public LogRecorder Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // Every level of every category, whatever appsettings.json says: a secret at Debug leaks the day someone turns Debug on.
            builder.ConfigureLogging(logging => logging.AddProvider(Logs).AddFilter<LogRecorder>(null, LogLevel.Trace));
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            Logs.Dispose();
        }
    }
}
