using System.Net;
using UserAdmin.Core.DemoData;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Api;

/// <summary>R-API-2: requests are rate-limited per token.</summary>
[Collection(AppTestGroup.Name)]
public sealed class ApiRateLimitTests(ApiRateLimitTests.App app) : IClassFixture<ApiRateLimitTests.App>
{
    public sealed class App : UserAdminAppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Api:RequestsPerMinute", "3")];
    }

    [Fact] // R-API-2
    public async Task A_token_over_its_limit_gets_429_with_retry_after_while_another_token_of_the_same_owner_still_works()
    {
        var (owner, _) = await TokenOwners.AddAsync(app, "busy", DemoTenant.SupervisorRoleName);
        using var busy = await ApiClient.ForAsync(app, owner, "busy");
        using var calm = await ApiClient.ForAsync(app, owner, "calm");

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await busy.GetAsync("/api/v1/transfers/1");
            answers.Add(response.StatusCode);
        }

        using var limited = await busy.GetAsync("/api/v1/transfers/1");
        var problem = await ApiClient.ReadAsync(limited, HttpStatusCode.TooManyRequests);
        using var other = await calm.GetAsync("/api/v1/transfers/1");

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.NotFound, a));
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Contains("3 requests a minute", ApiClient.Detail(problem), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }
}
