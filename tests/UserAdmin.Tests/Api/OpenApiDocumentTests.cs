using System.Net;
using System.Text.Json;
using UserAdmin.Tests.Infrastructure;
using UserAdmin.Tests.Security;

namespace UserAdmin.Tests.Api;

/// <summary>R-API-2: the OpenAPI document at /api/openapi/v1.json describes every API endpoint of the route table.</summary>
[Collection(AppTestGroup.Name)]
public sealed class OpenApiDocumentTests(SecurityApp app) : IClassFixture<SecurityApp>
{
    [Fact] // R-API-2
    public async Task The_document_lists_every_api_endpoint_and_nothing_else()
    {
        using var response = await app.SendAsync(Visitor.Anonymous, "GET", "/api/openapi/v1.json");
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var described = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(method => $"{method.Name.ToUpperInvariant()} {path.Name}"))
            .ToHashSet(StringComparer.Ordinal);
        var routed = (await app.EndpointsAsync())
            .Where(e => e.Pattern.StartsWith("/api/v1/", StringComparison.Ordinal))
            .Select(e => $"{e.Method} {StripConstraints(e.Pattern)}")
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(5, routed.Count);
        Assert.Equal(routed.Order(StringComparer.Ordinal), described.Order(StringComparer.Ordinal));
    }

    [Fact] // R-API-1, R-API-2: the document says how to authenticate and that errors are problem details
    public async Task The_document_declares_bearer_tokens_and_problem_details()
    {
        using var response = await app.SendAsync(Visitor.Anonymous, "GET", "/api/openapi/v1.json");
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal(("http", "bearer"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("scheme").GetString()));
        Assert.True(document.GetProperty("security")[0].TryGetProperty("Bearer", out _));
        var import = document.GetProperty("paths").GetProperty("/api/v1/people/imports").GetProperty("post").GetProperty("responses");
        foreach (var status in new[] { "401", "403", "409", "413", "422", "429" })
        {
            Assert.True(import.GetProperty(status).GetProperty("content").TryGetProperty("application/problem+json", out _), $"{status} is not a problem detail");
        }
    }

    // "/api/v1/people/imports/{id:int}" is "/api/v1/people/imports/{id}" in OpenAPI.
    private static string StripConstraints(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, "\\{([^}:]+)(:[^}]*)?\\}", "{$1}");
}
