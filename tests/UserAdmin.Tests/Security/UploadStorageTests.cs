using Microsoft.EntityFrameworkCore;
using UserAdmin.Tests.Infrastructure;
using UserAdmin.Tests.People;

namespace UserAdmin.Tests.Security;

/// <summary>R-IMP-1: an uploaded file is kept under a generated id in the database, never on disk under the client's name.</summary>
[Collection(AppTestGroup.Name)]
public sealed class UploadStorageTests(UploadStorageTests.App app) : IClassFixture<UploadStorageTests.App>
{
    public sealed class App : UserAdminAppFactory;

    [Fact]
    public async Task An_upload_never_reaches_the_disk_under_the_clients_file_name()
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);
        var name = $"client-name-{Guid.NewGuid():N}.csv";
        // Over 64 KB, so that ASP.NET Core buffers the multipart body to a temporary file of its own naming.
        var rows = string.Concat(Enumerable.Range(0, 3000).Select(i => $"0,Disk,Check{i},disk.check.{i}@example.com\r\n"));
        var file = ImportSteps.Utf8("User ID,First Name,Last Name,Email\r\n" + rows);
        var roots = new[] { Path.GetTempPath(), AppContext.BaseDirectory, Directory.GetCurrentDirectory() };

        using var response = await client.PostFileAsync("/people/import", "/people/import", "file", name, file);
        var stem = Path.GetFileNameWithoutExtension(name);
        var onDisk = roots.SelectMany(root => Directory.EnumerateFiles(root, "*" + stem + "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }));

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Empty(onDisk);
        var id = Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[3]);
        await using var db = app.CreateDbContext();
        var stored = await db.Uploads.SingleAsync(u => u.Id == id);
        Assert.Equal(name, stored.FileName); // kept only to show it on the pages
        Assert.Equal(file, await db.UploadContents.Where(c => c.UploadId == id).Select(c => c.Bytes).SingleAsync());
    }
}
