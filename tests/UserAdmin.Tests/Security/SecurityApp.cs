using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using UserAdmin.Core.DemoData;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Security;

/// <summary>The app with its route table, sample route values and one signed-in visitor per test account.</summary>
public class SecurityApp : UserAdminAppFactory
{
    public static readonly IReadOnlyDictionary<string, TestAccount> Accounts = new Dictionary<string, TestAccount>
    {
        [nameof(TestAccounts.Agent)] = TestAccounts.Agent,
        [nameof(TestAccounts.Supervisor)] = TestAccounts.Supervisor,
        [nameof(TestAccounts.QmAdministrator)] = TestAccounts.QmAdministrator,
        [nameof(TestAccounts.Admin)] = TestAccounts.Admin,
    };

    private const string SignOut = "POST /account/logout";

    private readonly Dictionary<string, Visitor> _visitors = [];
    private IReadOnlyList<AppEndpoint>? _endpoints;
    private HttpClient? _http;

    public string AccessDeniedPath =>
        Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme).AccessDeniedPath;

    /// <summary>Each account signs in once per test class.</summary>
    public async Task<Visitor> VisitorAsync(string account)
    {
        if (!_visitors.TryGetValue(account, out var visitor))
        {
            visitor = await Visitor.SignInAsync(this, Accounts[account]);
            _visitors[account] = visitor;
        }

        return visitor;
    }

    public async Task<IReadOnlyList<AppEndpoint>> EndpointsAsync()
    {
        if (_endpoints is null)
        {
            await using var db = CreateDbContext();
            // A user in the supervisor's teams: most visitors reach real data, the agent reaches "not found".
            var inSupervisorsView = await db.Users
                .Where(u => u.PasswordHash == null && u.Team != null && DemoTenant.SupervisorScopeTeams.Contains(u.Team.Name))
                .Select(u => u.Id)
                .FirstAsync();
            // Signing out ends the session for good (R-SEC-7): it comes last, and the visitor signs in again afterwards.
            _endpoints = RouteTable.Read(Services, new RouteValueSamples(inSupervisorsView)).OrderBy(e => e.Key == SignOut ? 1 : 0).ToList();
        }

        return _endpoints;
    }

    public async Task<HttpResponseMessage> SendAsync(Visitor visitor, AppEndpoint endpoint, bool withFormToken = true)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var response = await SendAsync(visitor, endpoint.Method, endpoint.Url, withFormToken);
        if (endpoint.Key == SignOut)
        {
            foreach (var signedOut in _visitors.Where(v => v.Value == visitor).Select(v => v.Key).ToList())
            {
                _visitors.Remove(signedOut);
            }
        }

        return response;
    }

    public async Task<HttpResponseMessage> SendAsync(Visitor visitor, string method, string url, bool withFormToken = true)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        using var request = visitor.Request(method, url, withFormToken);
        return await SendAsync(request);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        _http ??= CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        return await _http.SendAsync(request);
    }

    protected override void Dispose(bool disposing)
    {
        _http?.Dispose();
        base.Dispose(disposing);
    }
}
