using System.Net;
using System.Text.Json;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Health;

[Collection(AppTestGroup.Name)]
public sealed class HealthTests(HealthTests.App app) : IClassFixture<HealthTests.App>
{
    public sealed class App : UserAdminAppFactory;

    [Fact]
    public async Task Health_reports_database_and_job_server_without_sign_in()
    {
        using var client = app.CreateTestClient();

        using var response = await client.GetAsync("/health");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", json.RootElement.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", json.RootElement.GetProperty("jobServer").GetProperty("status").GetString());
    }
}
