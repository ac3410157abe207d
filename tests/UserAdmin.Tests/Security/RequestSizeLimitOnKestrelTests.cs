using System.Net;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Security;

/// <summary>
/// The same limits over real sockets, where Kestrel enforces them: the over-limit request must end in
/// the friendly 413 page, never in a reset connection (which a browser shows as "Status 0" or a blank page).
/// </summary>
[Collection(AppTestGroup.Name)]
public sealed class RequestSizeLimitOnKestrelTests(KestrelUploadProbeApp app) : IClassFixture<KestrelUploadProbeApp>
{
    [Fact] // R-IMP-1
    public async Task A_file_over_the_upload_limit_gets_the_friendly_413_page_not_a_reset_connection()
    {
        using var admin = app.CreateSocketClient();
        await admin.SignInAsync(TestAccounts.Admin);

        using var response = await admin.PostFileAsync("/account/login", UploadProbeApp.UploadUrl, "file", "people.csv", new byte[3 * UploadProbeApp.MaxFileBytes]);

        await AssertTooLargePageAsync(response, "files of up to 100 KB can be uploaded");
    }

    [Fact] // R-IMP-1: a body without a Content-Length is only found too large while it is read.
    public async Task A_chunked_upload_over_the_limit_gets_the_friendly_413_page()
    {
        using var admin = app.CreateSocketClient();
        await admin.SignInAsync(TestAccounts.Admin);
        var token = await admin.AntiforgeryTokenFromAsync("/account/login");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), Visitor.FormTokenField },
            { new StreamContent(new UnseekableStream(new byte[3 * UploadProbeApp.MaxFileBytes])), "file", "people.csv" },
        };

        Assert.Null(form.Headers.ContentLength);

        using var response = await admin.Http.PostAsync(new Uri(UploadProbeApp.UploadUrl, UriKind.Relative), form);
        await AssertTooLargePageAsync(response, "files of up to 100 KB can be uploaded");
    }

    [Fact] // R-SEC-4
    public async Task A_sign_in_form_over_64_KB_gets_the_friendly_413_page_and_the_connection_stays_usable()
    {
        using var client = app.CreateSocketClient();

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

    private static async Task AssertTooLargePageAsync(HttpResponseMessage response, string limitText)
    {
        var page = await TestClient.ParseAsync(response);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("Too large", page.QuerySelector("h1")?.TextContent);
        Assert.Contains(limitText, page.QuerySelector(".error-message")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>A body whose length HttpClient cannot know in advance, so it is sent chunked.</summary>
    private sealed class UnseekableStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }
}
