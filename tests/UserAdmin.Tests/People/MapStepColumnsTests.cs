using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.People;

/// <summary>
/// Issue 15 item 3, R-IMP-2: the map step shows the columns its upload kept; the file itself is read only by a step
/// that parses it (detecting a mapped date column's format, the preview, the job), never to show the headers.
/// </summary>
[Collection(AppTestGroup.Name)]
public sealed class MapStepColumnsTests(MapStepColumnsTests.App app) : IClassFixture<MapStepColumnsTests.App>
{
    public sealed class App : UserAdminAppFactory;

    [Fact] // R-IMP-2: with no date column mapped, the map step needs nothing of the file: its content row may be gone
    public async Task The_map_step_shows_and_accepts_the_kept_headers_and_samples_without_the_files_content()
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);
        var steps = new ImportSteps(client);
        var mapUrl = await steps.UploadAsync(ImportSteps.Utf8(
            "Email;First Name;Last Name;Favourite Colour\r\nkept.one@example.com;Kept;One;teal\r\nkept.two@example.com;Kept;Two;\r\n"));
        var uploadId = Guid.Parse(mapUrl.Split('/')[3], System.Globalization.CultureInfo.InvariantCulture);
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(1, await db.UploadContents.Where(c => c.UploadId == uploadId).ExecuteDeleteAsync());
        }

        var page = await client.GetDocumentAsync(mapUrl);
        var offered = page.QuerySelectorAll("#column-Email option").OfType<IHtmlOptionElement>().Select(o => o.Value).ToList();
        var form = ImportSteps.FormValues(page, "#map-form");
        using var posted = await steps.PostMapAsync(mapUrl, form);

        Assert.Equal(["", "Email", "First Name", "Last Name", "Favourite Colour"], offered);
        Assert.Equal(("Email", "First Name", "Last Name"), (form["column.Email"], form["column.FirstName"], form["column.LastName"]));
        Assert.Contains("kept.one@example.com · kept.two@example.com", page.QuerySelector("#map-form")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("UTF-8, semicolon-separated", page.QuerySelector("#file-format")?.TextContent);
        Assert.Contains("\"Favourite Colour\"", page.QuerySelector("#unused-columns")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.EndsWith($"/people/import/{uploadId}/preview", posted.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
