using System.Net;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Security;

/// <summary>
/// R-SEC-4 and the permissions of R-SEC-2 for every endpoint of the route table and every kind of visitor.
/// A new endpoint is covered without touching this file; the metadata on it decides what is expected.
/// </summary>
[Collection(AppTestGroup.Name)]
public sealed class AuthorizationMatrixTests(SecurityApp app) : IClassFixture<SecurityApp>
{
    /// <summary>
    /// The only endpoints open without signing in. Adding one is a security decision: the
    /// endpoint needs [AllowAnonymous] and a line here.
    /// </summary>
    public static readonly IReadOnlySet<string> OpenEndpoints = new HashSet<string>(StringComparer.Ordinal)
    {
        "GET /account/login",
        "POST /account/login",
        "GET /health",
        "* /error/{code:int}",
        "GET /api/openapi/{documentName}.json",
    };

    /// <summary>Endpoints that take any HTTP method: the error pages re-execute every failed request, Hangfire routes its own dashboard.</summary>
    public static readonly IReadOnlySet<string> AnyMethodEndpoints = new HashSet<string>(StringComparer.Ordinal)
    {
        "* /error/{code:int}",
        "* /hangfire/{**path}",
    };

    public static TheoryData<string> SignedInAccounts => [.. SecurityApp.Accounts.Keys];

    [Fact] // R-SEC-4
    public async Task Anonymous_visitors_are_sent_to_sign_in_everywhere_but_the_open_endpoints()
    {
        var failures = new List<string>();
        foreach (var endpoint in await app.EndpointsAsync())
        {
            using var response = await app.SendAsync(Visitor.Anonymous, endpoint);
            var open = OpenEndpoints.Contains(endpoint.Key);
            if (open && (IsSignInChallenge(response) || (int)response.StatusCode >= 500))
            {
                failures.Add($"{endpoint} is open but answered {Describe(response)}");
            }
            else if (!open && Visitor.IsApi(endpoint.Url) && !IsApiChallenge(response))
            {
                failures.Add($"{endpoint} answered {Describe(response)} instead of 401 with a problem detail (R-API-2)");
            }
            else if (!open && !IsSignInChallenge(response))
            {
                failures.Add($"{endpoint} answered {Describe(response)} instead of the sign-in page or 401");
            }
        }

        AssertNone(failures);
    }

    [Theory] // R-SEC-2, R-SEC-4
    [MemberData(nameof(SignedInAccounts))]
    public async Task Signed_in_visitors_get_what_their_permissions_allow_and_never_a_server_error(string account)
    {
        var visitor = await app.VisitorAsync(account);
        var access = EndpointAccess.From(app.Services);
        var failures = new List<string>();
        foreach (var endpoint in await app.EndpointsAsync())
        {
            using var response = await app.SendAsync(visitor, endpoint);
            var allowed = await access.AllowsAsync(endpoint, visitor.Profile);
            var problem = allowed ? ProblemWhenAllowed(response) : ProblemWhenRefused(response);
            if (problem is not null)
            {
                failures.Add($"{endpoint} for {visitor} ({(allowed ? "allowed" : "refused")} by its metadata): {problem}");
            }
        }

        AssertNone(failures);
    }

    [Fact] // R-SEC-4: every POST (and PUT, PATCH, DELETE) is antiforgery-protected.
    public async Task Every_post_without_an_antiforgery_token_is_refused_for_the_administrator()
    {
        var admin = await app.VisitorAsync(nameof(TestAccounts.Admin));
        // The API takes no cookie, so it needs no form token (ADR-0013); the test below holds it to that.
        var posts = (await app.EndpointsAsync()).Where(e => e.Method is not ("GET" or "HEAD" or "OPTIONS" or "TRACE") && !Visitor.IsApi(e.Url)).ToList();
        var failures = new List<string>();
        foreach (var endpoint in posts)
        {
            using var response = await app.SendAsync(admin, endpoint, withFormToken: false);
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                failures.Add($"{endpoint} accepted a post without a token: {Describe(response)}");
            }
        }

        Assert.NotEmpty(posts);
        AssertNone(failures);
    }

    [Theory] // R-API-2, ADR-0013: a browser's cookie never authenticates an API call, with or without a form token.
    [MemberData(nameof(SignedInAccounts))]
    public async Task Api_endpoints_refuse_the_sign_in_cookie_even_with_a_form_token(string account)
    {
        var visitor = await app.VisitorAsync(account);
        var api = (await app.EndpointsAsync()).Where(e => Visitor.IsApi(e.Url) && !OpenEndpoints.Contains(e.Key)).ToList();
        var failures = new List<string>();
        foreach (var endpoint in api)
        {
            using var request = visitor.Request(endpoint.Method, endpoint.Url, Credentials.Cookies, withFormToken: true);
            using var response = await app.SendAsync(request);
            if (!IsApiChallenge(response))
            {
                failures.Add($"{endpoint} with {visitor}'s cookie answered {Describe(response)} instead of 401 with a problem detail");
            }
        }

        Assert.NotEmpty(api);
        AssertNone(failures);
    }

    [Fact] // R-API-1, ADR-0013: a bearer token never opens a page.
    public async Task Pages_refuse_a_bearer_token_and_ask_to_sign_in()
    {
        var admin = await app.VisitorAsync(nameof(TestAccounts.Admin));
        var pages = (await app.EndpointsAsync()).Where(e => !Visitor.IsApi(e.Url) && !OpenEndpoints.Contains(e.Key)).ToList();
        var failures = new List<string>();
        foreach (var endpoint in pages)
        {
            using var request = admin.Request(endpoint.Method, endpoint.Url, Credentials.ApiToken);
            using var response = await app.SendAsync(request);
            if (!IsSignInChallenge(response))
            {
                failures.Add($"{endpoint} with the administrator's bearer token answered {Describe(response)} instead of the sign-in page or 401");
            }
        }

        Assert.NotEmpty(pages);
        AssertNone(failures);
    }

    [Fact] // R-SEC-4
    public async Task Every_endpoint_declares_who_may_use_it()
    {
        var endpoints = await app.EndpointsAsync();
        var keys = endpoints.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);

        var undeclared = endpoints.Where(e => !e.DeclaresAuthorization && !e.AllowsAnonymous).Select(e => e.Key + ": add [Authorize] or [Authorize(Policy = Policies.…)]");
        var openByAccident = endpoints.Where(e => e.AllowsAnonymous && !OpenEndpoints.Contains(e.Key)).Select(e => e.Key + ": [AllowAnonymous] but not in OpenEndpoints");
        var closedButListed = endpoints.Where(e => !e.AllowsAnonymous && OpenEndpoints.Contains(e.Key)).Select(e => e.Key + ": in OpenEndpoints but not [AllowAnonymous]");
        var stale = OpenEndpoints.Where(k => !keys.Contains(k)).Select(k => k + ": in OpenEndpoints but not in the route table");

        Assert.Contains("GET /users", keys);
        AssertNone(undeclared.Concat(openByAccident).Concat(closedButListed).Concat(stale));
    }

    [Fact] // R-SEC-4: an action that answers GET as well as POST could change data without an antiforgery check.
    public async Task Every_endpoint_declares_its_http_methods()
    {
        var anyMethod = (await app.EndpointsAsync()).Where(e => !e.DeclaresMethods).Select(e => e.Key).Distinct();

        AssertNone(anyMethod.Except(AnyMethodEndpoints).Select(k => k + ": declare [HttpGet] or [HttpPost], or add it to AnyMethodEndpoints"));
    }

    /// <summary>Lists every failure at once, so one run shows the whole matrix.</summary>
    private static void AssertNone(IEnumerable<string> failures)
    {
        var all = failures.ToList();
        Assert.True(all.Count == 0, string.Join(Environment.NewLine, all));
    }

    private static string? ProblemWhenAllowed(HttpResponseMessage response) => response.StatusCode switch
    {
        _ when IsSignInChallenge(response) => "was sent to sign in: the session was lost",
        >= HttpStatusCode.OK and < HttpStatusCode.BadRequest => null,
        HttpStatusCode.BadRequest or HttpStatusCode.NotFound => null,
        _ => $"answered {Describe(response)}",
    };

    private string? ProblemWhenRefused(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Forbidden || IsRedirectTo(response, app.AccessDeniedPath)
            ? null
            : $"answered {Describe(response)} instead of 403";

    // A challenge carries the page to come back to; signing out also lands on the sign-in page, without one.
    private static bool IsSignInChallenge(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Unauthorized
        || (IsRedirectTo(response, "/account/login") && response.Headers.Location!.OriginalString.Contains("ReturnUrl=", StringComparison.OrdinalIgnoreCase));

    // The API never redirects to the sign-in page: a script gets 401 and a problem detail saying why (R-API-2).
    private static bool IsApiChallenge(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Unauthorized && response.Content.Headers.ContentType?.MediaType == "application/problem+json";

    private static bool IsRedirectTo(HttpResponseMessage response, string path) =>
        response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther
        && response.Headers.Location is { } location
        && (location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0]).Equals(path, StringComparison.OrdinalIgnoreCase);

    private static string Describe(HttpResponseMessage response) =>
        $"{(int)response.StatusCode}{(response.Headers.Location is { } location ? " → " + location : "")}";
}
