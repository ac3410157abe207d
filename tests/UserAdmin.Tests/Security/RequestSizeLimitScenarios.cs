using System.Net;
using System.Net.Http.Headers;
using System.Text;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Security;

/// <summary>
/// R-IMP-1's upload limit and the sign-in form's limit: a body over the limit gets a page that says
/// what is too large and what the limit is, with status 413. Run in process and on Kestrel.
/// </summary>
public abstract class RequestSizeLimitScenarios(UploadProbeApp app)
{
    protected UploadProbeApp App => app;

    [Fact] // R-IMP-1
    public async Task A_file_over_the_upload_limit_gets_the_friendly_413_page_naming_the_limit()
    {
        using var admin = await SignedInAdminAsync();

        using var response = await admin.PostFileAsync("/account/login", UploadProbeApp.UploadUrl, "file", "people.csv", new byte[3 * UploadProbeApp.MaxFileBytes]);

        await AssertTooLargePageAsync(response, "The file is too large: files of up to 100 KB can be uploaded");
    }

    [Fact] // R-IMP-1: the limit is the file's; the form around it does not eat into it.
    public async Task A_file_of_exactly_the_upload_limit_is_received()
    {
        using var admin = await SignedInAdminAsync();

        using var response = await admin.PostFileAsync("/account/login", UploadProbeApp.UploadUrl, "file", "people.csv", new byte[UploadProbeApp.MaxFileBytes]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"received {UploadProbeApp.MaxFileBytes} bytes", await response.Content.ReadAsStringAsync());
    }

    [Fact] // R-SEC-4
    public async Task A_sign_in_form_over_64_KB_gets_the_friendly_413_page_and_the_client_can_go_on()
    {
        using var client = app.CreateBrowserClient();

        using var response = await client.PostFormAsync("/account/login", "/account/login", new Dictionary<string, string>
        {
            ["EmailOrLogin"] = TestAccounts.AdminEmail,
            ["Password"] = new string('x', 150 * 1024),
        });
        await AssertTooLargePageAsync(response, "this form accepts up to 64 KB");

        await client.SignInAsync(TestAccounts.Admin);
        using var next = await client.GetAsync("/users");
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact] // R-SEC-4: the error page of an unreadable form must not read that form again (it answered "HTTP/1.1 0").
    public async Task A_form_the_server_cannot_read_gets_the_400_page()
    {
        using var admin = await SignedInAdminAsync();
        using var unterminated = new StringContent("--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nno closing boundary", Encoding.UTF8);
        unterminated.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");

        using var response = await admin.Http.PostAsync(new Uri("/account/logout", UriKind.Relative), unterminated);
        var page = await TestClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The request could not be read", page.QuerySelector(".error-message")!.TextContent, StringComparison.Ordinal);
    }

    protected async Task<TestClient> SignedInAdminAsync()
    {
        var client = app.CreateBrowserClient();
        await client.SignInAsync(TestAccounts.Admin);
        return client;
    }

    protected static async Task AssertTooLargePageAsync(HttpResponseMessage response, string message)
    {
        ArgumentNullException.ThrowIfNull(response);
        var page = await TestClient.ParseAsync(response);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("Too large", page.QuerySelector("h1")?.TextContent);
        Assert.Contains(message, page.QuerySelector(".error-message")!.TextContent, StringComparison.Ordinal);
    }
}
