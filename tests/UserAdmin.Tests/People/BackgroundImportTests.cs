using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UserAdmin.Core.Persistence;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.People;

/// <summary>R-IMP-10: the import runs as a background job; its result page follows it, also from another session.</summary>
[Collection(AppTestGroup.Name)]
public sealed class BackgroundImportTests(BackgroundImportTests.App app) : IClassFixture<BackgroundImportTests.App>
{
    public sealed class App : UserAdminAppFactory
    {
        public WriteHold Hold { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.ConfigureDbContext<UserAdminDbContext>(options => options.AddInterceptors(Hold)));
        }
    }

    private const int NewUsers = 2500;

    [Fact] // R-IMP-10: phase and rows written / total move while the one transaction is open; nothing is visible before the commit
    public async Task A_running_import_reports_its_phase_and_rows_written_until_it_has_committed()
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);
        var steps = new ImportSteps(client);
        var file = PeopleFile.Parse(await steps.ExportAsync()).Only();
        for (var i = 0; i < NewUsers; i++)
        {
            file.AddRow(("User ID", "0"), ("First Name", "Bulk"), ("Last Name", $"Person{i}"), ("Email", $"bulk.person.{i}@example.com"));
        }

        var previewUrl = await steps.PreviewAsync(file.ToBytes());
        await steps.PreviewPageAsync(previewUrl);
        var apply = await steps.PrepareApplyAsync(previewUrl);

        // Leaves and comes back: another session of the administrator (signed in before: on SQLite a sign-in's write waits for the import's commit).
        using var later = await app.SignInAsync(TestAccounts.Admin);
        app.Hold.Arm(batch: 2); // the first 1,000 are written and counted, the second 1,000 inserted

        using var answer = await apply.PostAsync();
        var resultUrl = answer.Headers.Location!.OriginalString;
        await app.Hold.Reached.WaitAsync(TimeSpan.FromMinutes(2));
        var running = await ImportWaiter.StatusAsync(later, resultUrl);
        var page = await later.GetDocumentAsync(resultUrl);
        int usersMeanwhile;
        await using (var db = app.CreateDbContext())
        {
            usersMeanwhile = await db.Users.CountAsync(u => u.Email.StartsWith("bulk.person."));
        }

        app.Hold.Release();
        var finished = await ImportWaiter.FinishedAsync(client, resultUrl);

        Assert.Equal(("Writing", "Writing the users", false), (running.GetProperty("state").GetString(), running.GetProperty("phase").GetString(), running.GetProperty("finished").GetBoolean()));
        Assert.Equal((1000, NewUsers), (running.GetProperty("rowsWritten").GetInt32(), running.GetProperty("rowsTotal").GetInt32()));
        Assert.Equal("1000", page.QuerySelector("#import-status #rows-written")?.TextContent);
        Assert.Equal(0, usersMeanwhile);
        Assert.Equal(("Succeeded", true), (finished.GetProperty("state").GetString(), finished.GetProperty("finished").GetBoolean()));
        Assert.Equal((NewUsers, NewUsers), (finished.GetProperty("rowsWritten").GetInt32(), finished.GetProperty("rowsTotal").GetInt32()));
        var result = await client.GetDocumentAsync(resultUrl);
        Assert.Equal(NewUsers.ToString(CultureInfo.InvariantCulture), result.QuerySelector("#created")?.TextContent);
        await using var after = app.CreateDbContext();
        Assert.Equal(NewUsers, await after.Users.CountAsync(u => u.Email.StartsWith("bulk.person.")));
    }

    [Fact] // R-IMP-14: the preview of an upload already imported says so and links the import
    public async Task The_preview_of_an_imported_upload_says_so_and_links_the_import()
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);
        var steps = new ImportSteps(client);
        var file = PeopleFile.Parse(await steps.ExportAsync()).Only();
        file.AddRow(("User ID", "0"), ("First Name", "Once"), ("Last Name", "Only"), ("Email", "once.only@example.com"));
        var previewUrl = await steps.PreviewAsync(file.ToBytes());
        await steps.PreviewPageAsync(previewUrl);
        var (resultUrl, error) = await steps.ApplyAsync(previewUrl);
        Assert.Null(error);

        var preview = await steps.PreviewPageAsync(previewUrl);

        Assert.Contains("already been imported", preview.QuerySelector("#already-imported")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(resultUrl, preview.QuerySelector("#import-link")?.GetAttribute("href"));
    }
}
