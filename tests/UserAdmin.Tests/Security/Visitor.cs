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
public sealed record Visitor(string Name, AdministratorProfile? Profile, string Cookies, string FormToken)
{
    public const string FormTokenField = "__RequestVerificationToken";

    public static readonly Visitor Anonymous = new("anonymous", null, "", "");

    public static async Task<Visitor> SignInAsync(UserAdminAppFactory app, TestAccount account)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(account);
        var cookies = new CookieContainer();
        using var client = new TestClient(app.CreateDefaultClient(new CookieContainerHandler(cookies)));
        await client.SignInAsync(account);
        var token = await client.AntiforgeryTokenFromAsync("/account/login");
        return new Visitor(account.EmailOrLogin, await ProfileOfAsync(app, account), cookies.GetCookieHeader(client.Http.BaseAddress!), token);
    }

    /// <summary>A request with this visitor's cookies; a POST carries an empty form, with the form token unless told otherwise.</summary>
    public HttpRequestMessage Request(string method, string url, bool withFormToken = true)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));
        if (Cookies.Length > 0)
        {
            request.Headers.Add("Cookie", Cookies);
        }

        if (method is not ("GET" or "HEAD"))
        {
            request.Content = new FormUrlEncodedContent(withFormToken && FormToken.Length > 0 ? [new(FormTokenField, FormToken)] : []);
        }

        return request;
    }

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
