using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.People.Import;
using UserAdmin.Tests.Infrastructure;
using UserAdmin.Tests.People;
using Xunit.Abstractions;

namespace UserAdmin.Tests.Reliability;

/// <summary>
/// R-IMP-10 across a real crash: the app runs as its own process, an import of many new users is
/// started over HTTP, and the process is killed with SIGKILL while the import's job is writing inside
/// its transaction. The database must be unchanged; after a restart the import's page says it failed
/// and wrote nothing, and the same upload can be imported again (ADR-0008).
/// </summary>
[Collection(ReliabilityGroup.Name)]
public sealed class ImportCrashTests(DemoDatabaseTemplate template, ITestOutputHelper output)
{
    private const int NewUsers = 20_000;
    private const int Attempts = 3;

    [Fact] // R-IMP-10, R-IMP-8, DESIGN 8
    public async Task An_import_killed_while_writing_leaves_the_database_unchanged_says_so_after_restart_and_can_be_started_again()
    {
        using var database = template.NewCopy();
        string previewUrl, resultUrl, prefix;
        byte[] before;
        using (var app = await AppProcess.StartAsync(database, DemoDatabaseTemplate.DemoUsers))
        {
            using var admin = await app.SignInAsync(TestAccounts.Admin);
            var steps = new ImportSteps(admin);
            (previewUrl, resultUrl, prefix, before) = await StartAndKillAsync(app, steps, database);
        }

        Assert.Equal(0, await NewUsersInAsync(database, prefix));
        using var restarted = await AppProcess.StartAsync(database, DemoDatabaseTemplate.DemoUsers);
        using var client = await restarted.SignInAsync(TestAccounts.Admin);
        var again = new ImportSteps(client);
        var status = await ImportWaiter.StatusAsync(client, resultUrl);
        var page = await client.GetDocumentAsync(resultUrl);
        var exported = await again.ExportBytesAsync();

        Assert.Equal(("Failed", true), (status.GetProperty("state").GetString(), status.GetProperty("finished").GetBoolean()));
        Assert.Contains("nothing was written", page.QuerySelector("#import-problem")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#back-to-preview"));
        Assert.Equal(before, exported);

        await again.PreviewPageAsync(previewUrl);
        var (secondResult, error) = await again.ApplyAsync(previewUrl);
        Assert.Null(error);
        Assert.NotEqual(resultUrl, secondResult);
        Assert.Equal(NewUsers, await NewUsersInAsync(database, prefix));
    }

    /// <summary>Starts the import and kills the app once its job is writing; should it commit between two looks, it is tried again with a fresh file.</summary>
    private async Task<(string PreviewUrl, string ResultUrl, string EmailPrefix, byte[] ExportBefore)> StartAndKillAsync(AppProcess app, ImportSteps steps, TestDatabase database)
    {
        for (var attempt = 1; ; attempt++)
        {
            var exportBefore = await steps.ExportBytesAsync();
            var file = PeopleFile.Parse(System.Text.Encoding.UTF8.GetString(exportBefore)).Only();
            for (var i = 0; i < NewUsers; i++)
            {
                file.AddRow(("User ID", "0"), ("First Name", "Crash"), ("Last Name", $"Test{i}"), ("Email", $"crash{attempt}.test.{i}@example.com"));
            }

            var previewUrl = await steps.PreviewAsync(file.ToBytes());
            await steps.PreviewPageAsync(previewUrl);
            using var answer = await (await steps.PrepareApplyAsync(previewUrl)).PostAsync();
            var resultUrl = answer.Headers.Location!.OriginalString;
            var importId = int.Parse(resultUrl.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
            var state = await WritingOrDoneAsync(database, importId);
            if (state == ImportState.Writing)
            {
                app.Kill();
                output.WriteLine($"Killed while import {importId} was writing (attempt {attempt}).");
                Assert.Equal(ImportState.Writing, await StateAsync(database, importId));
                return (previewUrl, resultUrl, $"crash{attempt}.", exportBefore);
            }

            output.WriteLine($"Attempt {attempt}: the import ended {state} before the kill.");
            Assert.True(attempt < Attempts, $"{Attempts} imports finished before they were seen writing.");
        }
    }

    /// <summary>Reads the import's state from the database file, not the app: the kill must land inside the transaction.</summary>
    private static async Task<ImportState> WritingOrDoneAsync(TestDatabase database, int importId)
    {
        var time = Stopwatch.StartNew();
        while (true)
        {
            var state = await StateAsync(database, importId);
            if (state == ImportState.Writing || state.IsFinished())
            {
                return state;
            }

            if (time.Elapsed > TimeSpan.FromSeconds(120))
            {
                throw new TimeoutException($"Import {importId} did not start writing: {state}.");
            }

            await Task.Delay(5);
        }
    }

    private static async Task<ImportState> StateAsync(TestDatabase database, int importId)
    {
        await using var db = database.CreateDbContext();
        return await db.PeopleImports.AsNoTracking().Where(i => i.Id == importId).Select(i => i.State).SingleAsync();
    }

    private static async Task<int> NewUsersInAsync(TestDatabase database, string emailPrefix)
    {
        await using var db = database.CreateDbContext();
        return await db.Users.CountAsync(u => u.Email.StartsWith(emailPrefix));
    }
}
