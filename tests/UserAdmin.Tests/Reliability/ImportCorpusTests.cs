using Microsoft.EntityFrameworkCore;
using UserAdmin.Tests.Infrastructure;
using UserAdmin.Tests.People;

namespace UserAdmin.Tests.Reliability;

/// <summary>
/// Issue 8, part 1: every file of the bad-input corpus gets its exact message naming its line, no step
/// answers with a server error, and the database is unchanged: the administrator's export is the same
/// byte for byte before and after trying to apply (R-IMP-1, R-IMP-3, R-IMP-6, R-IMP-8).
/// </summary>
[Collection(AppTestGroup.Name)]
public sealed class ImportCorpusTests(ImportCorpusTests.App app) : IClassFixture<ImportCorpusTests.App>
{
    /// <summary>One app with the default limits (50 MB, 150,000 rows) for the whole corpus, and one signed-in administrator.</summary>
    public sealed class App : UserAdminAppFactory, IAsyncLifetime
    {
        public TestClient Administrator { get; private set; } = null!;

        public async Task InitializeAsync() => Administrator = await SignInAsync(TestAccounts.Admin);

        Task IAsyncLifetime.DisposeAsync()
        {
            Administrator.Dispose();
            return Task.CompletedTask;
        }
    }

    [Fact]
    public void The_corpus_has_at_least_forty_distinct_files()
    {
        Assert.True(BadInputCorpus.All.Count >= 40, $"{BadInputCorpus.All.Count} files");
        Assert.Equal(BadInputCorpus.All.Count, BadInputCorpus.All.Select(i => i.Id).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(BadInputCorpus.Cases), MemberType = typeof(BadInputCorpus), DisableDiscoveryEnumeration = true)]
    public async Task A_bad_file_gets_its_message_on_its_line_and_changes_nothing(BadInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var before = await ExportAsync();
        var uploadsBefore = await CountUploadsAsync();

        var attempt = await new WizardAttempt(app.Administrator).RunAsync(input);

        Assert.False(attempt.Applied, "The apply went through.");
        switch (input.Shown)
        {
            case ShownOn.UploadPage: // R-IMP-1: refused before anything is stored
                AssertShown(input, attempt.UploadProblems);
                Assert.Equal(uploadsBefore, await CountUploadsAsync());
                break;
            case ShownOn.PreviewPage: // R-IMP-2: blocked, so apply is refused
                AssertShown(input, attempt.PreviewProblems);
                Assert.StartsWith("The file cannot be imported", attempt.ApplyRefusal, StringComparison.Ordinal);
                break;
            case ShownOn.ErrorsTable: // R-IMP-6, R-IMP-8: a row error; without "import only the valid rows" nothing is applied
                AssertRowError(input, attempt.Errors);
                Assert.EndsWith("Fix the file and upload it again, or choose to import only the valid rows.", attempt.ApplyRefusal, StringComparison.Ordinal);
                break;
        }

        Assert.Equal(before, await ExportAsync());
    }

    private static void AssertShown(BadInput input, string? problems)
    {
        Assert.Contains(input.Message, problems, StringComparison.Ordinal);
        if (input.Line is { } line)
        {
            Assert.Contains($"Line {line}", problems, StringComparison.Ordinal);
        }

        if (input.Column is { Length: > 0 } column)
        {
            Assert.Contains($"column \"{column}\"", problems, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static void AssertRowError(BadInput input, IReadOnlyList<ErrorRow> errors)
    {
        var shown = errors.Where(e => e.Problem.Contains(input.Message, StringComparison.Ordinal)).ToList();
        Assert.True(shown.Count > 0, $"No error says \"{input.Message}\". The errors table: {string.Join(" | ", errors.Select(e => $"{e.Line} {e.Column}: {e.Problem}"))}");
        var error = Assert.Single(shown);
        var line = input.Line?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(input.SheetRow is { } row ? $"{line} (spreadsheet row {row})" : line, error.Line);
        if (input.Column is { } column)
        {
            Assert.Equal(column, error.Column);
        }
    }

    private Task<byte[]> ExportAsync() => new ImportSteps(app.Administrator).ExportBytesAsync();

    private async Task<int> CountUploadsAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.Uploads.CountAsync();
    }
}
