using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Security;

/// <summary>
/// The request size scenarios over real sockets, where Kestrel enforces the limits: the over-limit request
/// must end in the friendly 413 page, never in a reset connection (which a browser shows as "Status 0" or a blank page).
/// </summary>
[Collection(AppTestGroup.Name)]
public sealed class RequestSizeLimitOnKestrelTests(KestrelUploadProbeApp app) : RequestSizeLimitScenarios(app), IClassFixture<KestrelUploadProbeApp>
{
    [Fact] // R-IMP-1: a body without a Content-Length is only found too large while it is read.
    public async Task A_chunked_upload_over_the_limit_gets_the_friendly_413_page()
    {
        using var admin = await SignedInAdminAsync();
        var token = await admin.AntiforgeryTokenFromAsync("/account/login");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), Visitor.FormTokenField },
            { new StreamContent(new UnseekableStream(new byte[3 * UploadProbeApp.MaxFileBytes])), "file", "people.csv" },
        };
        Assert.Null(form.Headers.ContentLength);

        using var response = await admin.Http.PostAsync(new Uri(UploadProbeApp.UploadUrl, UriKind.Relative), form);

        await AssertTooLargePageAsync(response, "The file is too large: files of up to 100 KB can be uploaded");
    }

    /// <summary>A body whose length HttpClient cannot know in advance, so it is sent chunked.</summary>
    private sealed class UnseekableStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }
}
