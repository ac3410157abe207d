using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace UserAdmin.Tests.Infrastructure;

/// <summary>
/// An HttpClient that behaves like a browser's form posts: it reads the antiforgery token from the
/// page it came from and sends it with the cookie, exactly as the app's forms do.
/// </summary>
public sealed class TestClient(HttpClient http) : IDisposable
{
    private static readonly IBrowsingContext Browsing = BrowsingContext.New(Configuration.Default);

    public HttpClient Http { get; } = http;

    public async Task SignInAsync(TestAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var response = await PostFormAsync("/account/login", "/account/login", new Dictionary<string, string>
        {
            ["EmailOrLogin"] = account.EmailOrLogin,
            ["Password"] = account.Password,
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {account.EmailOrLogin} failed with {(int)response.StatusCode}.");
        }
    }

    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(new Uri(url, UriKind.Relative));

    public async Task<IDocument> GetDocumentAsync(string url)
    {
        using var response = await GetAsync(url);
        return await ParseAsync(response);
    }

    /// <summary>
    /// The token of the form on <paramref name="pageUrl"/> that posts to <paramref name="actionUrl"/>; a form
    /// without its own token fails the test, as it would fail in a browser.
    /// </summary>
    public async Task<string> AntiforgeryTokenFromAsync(string pageUrl, string? actionUrl = null)
    {
        var page = await GetDocumentAsync(pageUrl);
        var action = actionUrl?.Split('?')[0];
        var form = page.QuerySelectorAll<IHtmlFormElement>("form[method=post]").FirstOrDefault(f => f.GetAttribute("action") == action);
        if (form is not null)
        {
            return form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value
                ?? throw new InvalidOperationException($"The form posting to {action} on {pageUrl} has no antiforgery token.");
        }

        return page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value
            ?? throw new InvalidOperationException($"No antiforgery token on {pageUrl}.");
    }

    /// <summary>Posts form fields to <paramref name="url"/> with the antiforgery token of <paramref name="pageUrl"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string pageUrl, string url, IEnumerable<KeyValuePair<string, string>> fields) =>
        await (await PrepareFormAsync(pageUrl, url, fields)).PostAsync();

    /// <summary>
    /// Reads the token of <paramref name="pageUrl"/> now and posts later: two prepared forms sent together
    /// are a double submit (or two administrators clicking at the same moment).
    /// </summary>
    public async Task<PreparedForm> PrepareFormAsync(string pageUrl, string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = await AntiforgeryTokenFromAsync(pageUrl, url);
        return new PreparedForm(Http, url, [.. fields, new("__RequestVerificationToken", token)]);
    }

    /// <summary>
    /// The form <paramref name="formSelector"/> of <paramref name="pageUrl"/> as a browser would submit it: every
    /// hidden field it carries (a one-time key included), then <paramref name="fields"/> (a ticked checkbox).
    /// </summary>
    public async Task<PreparedForm> PrepareFormAsShownAsync(string pageUrl, string formSelector, IEnumerable<KeyValuePair<string, string>>? fields = null)
    {
        var page = await GetDocumentAsync(pageUrl);
        var form = page.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"No form {formSelector} on {pageUrl}.");
        var hidden = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.Name!, i.Value));
        return new PreparedForm(Http, form.GetAttribute("action")!, [.. hidden, .. fields ?? []]);
    }

    /// <summary>Posts a file upload (multipart) with the antiforgery token of <paramref name="pageUrl"/>.</summary>
    public async Task<HttpResponseMessage> PostFileAsync(string pageUrl, string url, string fieldName, string fileName, byte[] file, IEnumerable<KeyValuePair<string, string>>? fields = null)
    {
        var token = await AntiforgeryTokenFromAsync(pageUrl, url);
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(token), "__RequestVerificationToken");
        foreach (var (key, value) in fields ?? [])
        {
            content.Add(new StringContent(value), key);
        }

        var fileContent = new ByteArrayContent(file);
        fileContent.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        content.Add(fileContent, fieldName, fileName);
        return await Http.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    /// <summary>R-API-1: creates a personal access token on /account/tokens, as a signed-in user does, and reads the secret shown once.</summary>
    public async Task<string> CreateApiTokenAsync(string name, string expiresOn = "2026-12-31")
    {
        using var response = await PostFormAsync("/account/tokens", "/account/tokens", new Dictionary<string, string> { ["name"] = name, ["expiresOn"] = expiresOn });
        var page = await ParseAsync(response);
        return page.QuerySelector("#new-token-secret")?.TextContent.Trim()
            ?? throw new InvalidOperationException($"No token was shown ({(int)response.StatusCode}): {page.QuerySelector("#token-problem")?.TextContent}");
    }

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var html = await response.Content.ReadAsStringAsync();
        return await Browsing.OpenAsync(request => request.Content(html));
    }

    public void Dispose() => Http.Dispose();
}

/// <summary>A form with its antiforgery token, ready to post.</summary>
public sealed class PreparedForm(HttpClient http, string url, IReadOnlyList<KeyValuePair<string, string>> fields)
{
    public async Task<HttpResponseMessage> PostAsync()
    {
        using var content = new FormUrlEncodedContent(fields);
        return await http.PostAsync(new Uri(url, UriKind.Relative), content);
    }
}
