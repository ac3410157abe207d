using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Security;

/// <summary>R-SEC-9 behind a TLS-terminating proxy, and R-SEC-7's rate limit per client address.</summary>
[Collection(AppTestGroup.Name)]
public sealed class TransportSecurityTests(TransportSecurityTests.App app) : IClassFixture<TransportSecurityTests.App>
{
    private const string Proxy = "10.0.0.1";
    private const string StrangerProxy = "10.9.9.9";

    /// <summary>The app behind a proxy at 10.0.0.1: test requests arrive from the address in <c>X-Test-Peer</c>.</summary>
    public sealed class App : UserAdminAppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
        [
            new("ForwardedHeaders:KnownProxies", Proxy),
            new("SignIn:AttemptsPerMinute", "3"),
        ];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddTransient<IStartupFilter, PeerAddress>());
        }

        private sealed class PeerAddress : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
            {
                builder.Use((context, following) =>
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(context.Request.Headers["X-Test-Peer"].FirstOrDefault() ?? Proxy);
                    return following(context);
                });
                next(builder);
            };
        }
    }

    [Fact] // R-SEC-9
    public async Task Behind_the_known_proxy_an_https_request_gets_HSTS_and_Secure_cookies()
    {
        using var response = await SendAsync(Proxy, "https");

        Assert.True(response.Headers.Contains("Strict-Transport-Security"));
        Assert.All(SetCookies(response), cookie => Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase));
        Assert.NotEmpty(SetCookies(response));
    }

    [Theory] // R-SEC-9: a forwarded header from anyone else is not believed; plain HTTP gets neither
    [InlineData(StrangerProxy, "https")]
    [InlineData(Proxy, "http")]
    [InlineData(Proxy, null)]
    public async Task Otherwise_there_is_no_HSTS_and_cookies_are_not_Secure(string peer, string? forwardedProto)
    {
        using var response = await SendAsync(peer, forwardedProto);

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.NotEmpty(SetCookies(response));
        Assert.All(SetCookies(response), cookie => Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase));
    }

    [Fact] // R-SEC-7: per client address, the forwarded one behind the proxy
    public async Task Sign_in_posts_are_rate_limited_per_client_address()
    {
        var first = await PostSignInsAsync("203.0.113.7", 4);
        var other = await PostSignInsAsync("203.0.113.8", 1);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], first.Select(a => a.Status));
        Assert.Contains("Too many sign-in attempts came from your address", first[^1].Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, other[0].Status);
    }

    private async Task<List<(HttpStatusCode Status, string Text)>> PostSignInsAsync(string client, int count)
    {
        using var browser = app.CreateTestClient();
        browser.Http.DefaultRequestHeaders.Add("X-Forwarded-For", client);
        var answers = new List<(HttpStatusCode, string)>();
        for (var i = 0; i < count; i++)
        {
            using var response = await browser.PostFormAsync("/account/login", "/account/login", new Dictionary<string, string>
            {
                ["EmailOrLogin"] = "rate.limited@example.com",
                ["Password"] = "wrong",
            });
            answers.Add((response.StatusCode, (await TestClient.ParseAsync(response)).Body?.TextContent ?? ""));
        }

        return answers;
    }

    private async Task<HttpResponseMessage> SendAsync(string peer, string? forwardedProto)
    {
        using var http = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/account/login", UriKind.Relative));
        request.Headers.Host = "useradmin.example.com"; // HSTS is never sent to localhost
        request.Headers.Add("X-Test-Peer", peer);
        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        }

        return await http.SendAsync(request);
    }

    private static List<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.ToList() : [];
}
