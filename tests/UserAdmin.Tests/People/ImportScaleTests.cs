using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.People.Import;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.People;

/// <summary>R-IMP-11 at the default limit: a file of 150,000 rows is accepted and previewed, the preview stored and paged from the database.</summary>
[Collection(AppTestGroup.Name)]
public sealed class ImportScaleTests(ImportScaleTests.App app) : IClassFixture<ImportScaleTests.App>
{
    public sealed class App : UserAdminAppFactory;

    private const int Rows = 150_000;

    [Fact] // R-IMP-11, R-IMP-1: the default row limit is 150,000
    public async Task A_file_of_150000_new_users_previews_and_its_last_page_is_read_from_the_stored_preview()
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);
        var steps = new ImportSteps(client);
        var text = new StringBuilder("User ID,First Name,Last Name,Email\r\n", Rows * 48);
        for (var i = 0; i < Rows; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"0,Scale,Person{i},scale.person.{i}@example.com\r\n");
        }

        var previewUrl = await steps.PreviewAsync(ImportSteps.Utf8(text.ToString()));
        var first = await steps.PreviewPageAsync(previewUrl);
        var lastPage = (Rows + PreviewModelPageSize - 1) / PreviewModelPageSize;
        var last = await steps.PreviewPageAsync(previewUrl, $"?page={lastPage.ToString(CultureInfo.InvariantCulture)}");

        Assert.Equal(Rows.ToString(CultureInfo.InvariantCulture), first.QuerySelector("#count-new")?.TextContent);
        Assert.Equal("0", first.QuerySelector("#count-invalid")?.TextContent);
        Assert.Contains($"Person{Rows - 1}", last.QuerySelector("#changes")?.TextContent, StringComparison.Ordinal);
        var uploadId = Guid.Parse(previewUrl.Split('/')[^2], CultureInfo.InvariantCulture);
        await using var db = app.CreateDbContext();
        Assert.Equal(Rows, await db.ImportPreviewRows.CountAsync(r => r.UploadId == uploadId && r.Section == PreviewSection.Changes));
    }

    private const int PreviewModelPageSize = UserAdmin.Web.Features.People.PreviewModel.PageSize;
}
