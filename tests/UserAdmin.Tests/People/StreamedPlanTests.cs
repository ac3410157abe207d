using System.Globalization;
using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.People.Import;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.People;

/// <summary>
/// R-IMP-11: the planner streams the file in chunks (keys first, then rows), yet the preview it stores and the
/// import it applies are the same for every chunk size — the rules across rows (duplicates, keys given up by
/// one row and taken by another, date detection, clearings, activations) see the whole file.
/// </summary>
[Collection(AppTestGroup.Name)]
public sealed class StreamedPlanTests
{
    /// <summary>The app with the planner's chunk set to <paramref name="rows"/> rows.</summary>
    private sealed class ChunkedApp(int rows) : UserAdminAppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
            [new("Import:PlanChunkRows", rows.ToString(CultureInfo.InvariantCulture))];
    }

    /// <summary>Everything the administrator can see of one import: the stored preview, the result and the users after it.</summary>
    private sealed record Outcome(string Summary, IReadOnlyList<string> PreviewRows, string Counts, string? ErrorReport, string Export);

    [Fact] // R-IMP-11 (with R-IMP-5, R-IMP-6, R-IMP-7, R-IMP-12): chunks of 1, 2, 3, 7 rows preview and import exactly as one chunk of the whole file
    public async Task The_preview_and_the_import_are_the_same_for_every_chunk_size()
    {
        var whole = await ImportAsync(chunkRows: 2000);

        // The file really crosses the rules between rows, so that the comparison below means something.
        Assert.Contains("\"New\":1,", whole.Summary, StringComparison.Ordinal);
        Assert.Contains(whole.PreviewRows, r => r.Contains("twin.login", StringComparison.Ordinal) && r.Contains("is also used on line", StringComparison.Ordinal));
        Assert.Contains(whole.PreviewRows, r => r.Contains("already belongs to another user", StringComparison.Ordinal));
        Assert.Contains(whole.PreviewRows, r => r.Contains("2025-13-45", StringComparison.Ordinal));
        Assert.Contains("moved.five@example.com", whole.Export, StringComparison.Ordinal);
        Assert.Contains(PeopleFile.Parse(whole.Export).Rows, r => r.Contains("Taken") && r.Contains("Over"));
        foreach (var rows in new[] { 1, 2, 3, 7 })
        {
            var chunked = await ImportAsync(rows);
            Assert.True(whole.Summary == chunked.Summary, $"The summary differs with chunks of {rows}: {chunked.Summary}");
            Assert.True(whole.PreviewRows.SequenceEqual(chunked.PreviewRows), $"The stored preview rows differ with chunks of {rows}.");
            Assert.True(whole.Counts == chunked.Counts, $"The import's counts differ with chunks of {rows}: {chunked.Counts}");
            Assert.True(whole.ErrorReport == chunked.ErrorReport, $"The error report differs with chunks of {rows}.");
            Assert.True(whole.Export == chunked.Export, $"The users after the import differ with chunks of {rows}.");
        }
    }

    private static async Task<Outcome> ImportAsync(int chunkRows)
    {
        using var app = new ChunkedApp(chunkRows);
        using var client = await app.SignInAsync(TestAccounts.Admin);
        var steps = new ImportSteps(client);
        var file = PeopleFile.Parse(await steps.ExportAsync());
        var rows = file.Rows;

        // A new user on the first line takes the email that the user of a later line gives up (R-IMP-6): it can only be written after that update.
        var givenUp = file[rows[5], "Email"];
        file[rows[5], "Email"] = "moved.five@example.com";
        file[rows[10], "Login"] = "twin.login";
        file[rows[40], "Login"] = "twin.login";
        file[rows[20], "Activated"] = "2025-13-45";
        file[rows[30], "Last Name"] = "Changed";
        file[rows[31], "Team"] = "";
        file[rows[45], "Deactivated"] = "2020-01-01";
        var taken = file[rows.Skip(50).First(r => file[r, "Login"].Length > 0), "Login"];
        var first = file.AddRow(("User ID", "0"), ("First Name", "Taken"), ("Last Name", "Over"), ("Email", givenUp));
        rows.Remove(first);
        rows.Insert(0, first);
        file.AddRow(("User ID", "0"), ("First Name", "Login"), ("Last Name", "Taken"), ("Email", "login.taken@example.com"), ("Login", taken));

        var previewUrl = await steps.PreviewAsync(file.ToBytes());
        await steps.PreviewPageAsync(previewUrl);
        Outcome outcome;
        await using (var db = app.CreateDbContext())
        {
            var upload = await db.ImportDrafts.AsNoTracking().SingleAsync();
            var stored = await db.ImportPreviewRows.AsNoTracking().Where(r => r.UploadId == upload.UploadId)
                .OrderBy(r => r.Section).ThenBy(r => r.Ordinal)
                .Select(r => $"{r.Section}|{r.Ordinal}|{r.Line}|{r.UserId}|{r.Name}|{r.Kind}|{r.Detail}")
                .ToListAsync();
            outcome = new Outcome(upload.PreviewJson!, stored, "", null, "");
        }

        var (resultUrl, error) = await steps.ApplyAsync(previewUrl, importValidRowsOnly: true);
        Assert.True(resultUrl is not null, $"The import was refused with chunks of {chunkRows}: {error}");
        await using (var db = app.CreateDbContext())
        {
            var import = await db.PeopleImports.AsNoTracking().SingleAsync();
            outcome = outcome with
            {
                Counts = $"{import.Created} created, {import.Updated} updated, {import.Unchanged} unchanged, {import.Skipped} skipped",
                ErrorReport = import.ErrorReport,
            };
        }

        return outcome with { Export = await steps.ExportAsync() };
    }
}
