using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Security;

/// <summary>R-SEC-4: no page can be sniffed into another type, framed by another site or leak its address as a referrer.</summary>
[Collection(AppTestGroup.Name)]
public sealed class SecurityHeadersTests(SecurityApp app) : IClassFixture<SecurityApp>
{
    private static readonly string[] PrivateReferrerPolicies = ["no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"];

    [Fact] // R-SEC-4
    public async Task Every_page_of_the_route_table_carries_the_security_headers()
    {
        var admin = await app.VisitorAsync(nameof(TestAccounts.Admin));
        var gets = (await app.EndpointsAsync()).Where(e => e.Method == "GET").ToList();

        var failures = new List<string>();
        foreach (var endpoint in gets)
        {
            using var response = await app.SendAsync(admin, endpoint);
            failures.AddRange(MissingHeaders(response).Select(missing => $"{endpoint}: {missing}"));
        }

        Assert.NotEmpty(gets);
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Theory] // R-SEC-4: pages seen before signing in, and the pages of errors
    [InlineData("/account/login")]
    [InlineData("/no-such-page")]
    [InlineData("/error/500")]
    [InlineData("/users")]
    [InlineData("/css/site.css")]
    public async Task Pages_without_a_session_carry_the_security_headers(string url)
    {
        using var response = await app.SendAsync(Visitor.Anonymous, "GET", url);

        Assert.Empty(MissingHeaders(response));
    }

    private static IEnumerable<string> MissingHeaders(HttpResponseMessage response)
    {
        var status = $"({(int)response.StatusCode})";
        if (Header(response, "X-Content-Type-Options") != "nosniff")
        {
            yield return "X-Content-Type-Options is not nosniff " + status;
        }

        var csp = Header(response, "Content-Security-Policy") ?? "";
        if (Header(response, "X-Frame-Options") != "DENY" && !csp.Contains("frame-ancestors 'none'", StringComparison.Ordinal))
        {
            yield return "neither X-Frame-Options DENY nor frame-ancestors 'none' " + status;
        }

        if (!PrivateReferrerPolicies.Contains(Header(response, "Referrer-Policy")))
        {
            yield return "Referrer-Policy missing or leaky " + status;
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;
}
