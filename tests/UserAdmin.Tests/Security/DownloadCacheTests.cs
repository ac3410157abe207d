using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Security;

/// <summary>R-SEC-9: no CSV or JSON answer stays in a browser's or a proxy's cache.</summary>
[Collection(AppTestGroup.Name)]
public sealed class DownloadCacheTests(SecurityApp app) : IClassFixture<SecurityApp>
{
    [Fact] // R-SEC-9
    public async Task Every_CSV_and_JSON_answer_of_the_route_table_carries_no_store()
    {
        var admin = await app.VisitorAsync(nameof(TestAccounts.Admin));
        var gets = (await app.EndpointsAsync()).Where(e => e.Method == "GET").ToList();

        var downloads = new List<string>();
        var failures = new List<string>();
        foreach (var endpoint in gets)
        {
            using var response = await app.SendAsync(admin, endpoint);
            var type = response.Content.Headers.ContentType?.MediaType ?? "";
            if (type is "text/csv" or "application/json")
            {
                downloads.Add(endpoint.ToString());
                if (response.Headers.CacheControl?.NoStore != true)
                {
                    failures.Add($"{endpoint} ({type}) has Cache-Control: {response.Headers.CacheControl}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Contains(downloads, d => d.Contains("/people/export", StringComparison.Ordinal));
        Assert.Contains(downloads, d => d.Contains("/health", StringComparison.Ordinal));
    }
}
