using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Api;

/// <summary>
/// A script calling the API (R-API-2): no cookies, only <c>Authorization: Bearer</c> with a token its owner
/// made on /account/tokens with a real signed-in browser session.
/// </summary>
public sealed class ApiClient(HttpClient http, string token) : IDisposable
{
    public string Token { get; } = token;

    public static async Task<ApiClient> ForAsync(UserAdminAppFactory app, TestAccount owner, string tokenName = "script")
    {
        ArgumentNullException.ThrowIfNull(app);
        using var browser = await app.SignInAsync(owner);
        return WithToken(app, await browser.CreateApiTokenAsync(tokenName));
    }

    public static ApiClient WithToken(UserAdminAppFactory app, string token)
    {
        ArgumentNullException.ThrowIfNull(app);
        var http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new ApiClient(http, token);
    }

    public Task<HttpResponseMessage> GetAsync(string url) => http.GetAsync(new Uri(url, UriKind.Relative));

    /// <summary>A multipart upload as <c>curl -F file=@people.csv -F dryRun=true</c> sends it.</summary>
    public Task<HttpResponseMessage> PostFileAsync(string url, byte[] file, params (string Name, string Value)[] fields) =>
        PostFileAsync(url, file, idempotencyKey: null, fields);

    /// <summary>As <c>curl -H "Idempotency-Key: …"</c>: the same upload with the header a retrying script repeats.</summary>
    public async Task<HttpResponseMessage> PostFileAsync(string url, byte[] file, string? idempotencyKey, params (string Name, string Value)[] fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url, UriKind.Relative));
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(part, "file", "people.csv");
        request.Content = content;
        return await http.SendAsync(request);
    }

    public async Task<JsonElement> JsonAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await GetAsync(url);
        return await ReadAsync(response, expected);
    }

    /// <summary>The body of an answer that must have <paramref name="expected"/>; an error must be an RFC 9457 problem detail.</summary>
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        var json = JsonDocument.Parse(body).RootElement.Clone();
        if ((int)expected >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal((int)expected, json.GetProperty("status").GetInt32());
            Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("title").GetString()));
        }

        return json;
    }

    /// <summary>Polls a transfer's status (R-BLK-6), as a script does, until the run has finished.</summary>
    public Task<JsonElement> FinishedTransferAsync(string statusUrl) =>
        FinishedAsync(statusUrl, status => status.GetProperty("finishedAt").ValueKind == JsonValueKind.String);

    /// <summary>Polls an import's status (R-IMP-10), as a script does, until its background job has finished.</summary>
    public Task<JsonElement> FinishedImportAsync(string statusUrl) =>
        FinishedAsync(statusUrl, status => status.GetProperty("finished").GetBoolean());

    private async Task<JsonElement> FinishedAsync(string statusUrl, Func<JsonElement, bool> finished)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var status = await JsonAsync(statusUrl);
            if (finished(status))
            {
                return status;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{statusUrl} did not finish: {status}");
            await Task.Delay(100);
        }
    }

    public static string Detail(JsonElement problem) => problem.GetProperty("detail").GetString() ?? "";

    public void Dispose() => http.Dispose();
}
