using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UserAdmin.Core.Users;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Security;

/// <summary>
/// A browser's state after signing in: its cookies and a form token, replayed on every request. One
/// sign-in serves a whole matrix, and an answer that signs out or sets cookies cannot change the next request.
/// </summary>
public sealed record Visitor(string Name, AdministratorProfile? Profile, string Cookies, string FormToken, string ApiToken)
{
    public const string FormTokenField = "__RequestVerificationToken";

    public static readonly Visitor Anonymous = new("anonymous", null, "", "", "");

    public static async Task<Visitor> SignInAsync(UserAdminAppFactory app, TestAccount account)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(account);
        var cookies = new CookieContainer();
        using var client = new TestClient(app.CreateDefaultClient(new CookieContainerHandler(cookies)));
        await client.SignInAsync(account);
        var apiToken = await client.CreateApiTokenAsync("matrix");
        var token = await client.AntiforgeryTokenFromAsync("/account/login");
        return new Visitor(account.EmailOrLogin, await ProfileOfAsync(app, account), cookies.GetCookieHeader(client.Http.BaseAddress!), token, apiToken);
    }

    /// <summary>
    /// A request as this visitor makes it: to a page with their cookies, to the API (R-API-2) with their
    /// bearer token; a POST carries an empty form, with the form token unless told otherwise.
    /// </summary>
    public HttpRequestMessage Request(string method, string url, bool withFormToken = true) =>
        Request(method, url, IsApi(url) ? Credentials.ApiToken : Credentials.Cookies, withFormToken);

    /// <summary>A request with the credentials chosen by the caller, to check that the other kind is refused.</summary>
    public HttpRequestMessage Request(string method, string url, Credentials credentials, bool withFormToken = true)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));
        if (credentials.HasFlag(Credentials.Cookies) && Cookies.Length > 0)
        {
            request.Headers.Add("Cookie", Cookies);
        }

        if (credentials.HasFlag(Credentials.ApiToken) && ApiToken.Length > 0)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiToken);
        }

        if (method is not ("GET" or "HEAD"))
        {
            KeyValuePair<string, string>[] fields = withFormToken && FormToken.Length > 0 ? [new(FormTokenField, FormToken)] : [];
            request.Content = IsApi(url) ? MultipartFormOf(fields) : new FormUrlEncodedContent(fields);
        }

        return request;
    }

    // The API's uploads take multipart/form-data only; another content type would be refused before authorization.
    private static MultipartFormDataContent MultipartFormOf(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        return form;
    }

    public static bool IsApi(string url) => url?.StartsWith("/api/", StringComparison.Ordinal) == true;

    public override string ToString() => Name;

    private static async Task<AdministratorProfile> ProfileOfAsync(UserAdminAppFactory app, TestAccount account)
    {
        await using var db = app.CreateDbContext();
        var key = User.NormalizeKey(account.EmailOrLogin);
        var id = await db.Users.Where(u => u.NormalizedEmail == key).Select(u => u.Id).SingleAsync();
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AdministratorProfiles>().LoadAsync(id)
            ?? throw new InvalidOperationException($"{account.EmailOrLogin} has no administrator profile.");
    }
}

/// <summary>What a request carries: the sign-in cookie, the bearer token, or both.</summary>
[Flags]
public enum Credentials
{
    None = 0,
    Cookies = 1,
    ApiToken = 2,
    Both = Cookies | ApiToken,
}
