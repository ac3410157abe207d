using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using UserAdmin.Core.Csv;
using UserAdmin.Core.People;
using UserAdmin.Core.People.Import;
using UserAdmin.Core.Uploads;
using UserAdmin.Core.Users;

namespace UserAdmin.Benchmarks;

/// <summary>
/// Our side of each figure, run in a child process (<see cref="ChildStep"/>). The clock starts once
/// the services exist and the administrator's profile is loaded, as in a running app whose EF
/// model is built; it stops when the work is committed or written.
/// </summary>
internal static class OurSteps
{
    public const string Import = "import";
    public const string Export = "export";
    public const string Transfer = "transfer";

    public static async Task<int> RunAsync(string step, IReadOnlyList<string> arguments)
    {
        await using var services = BenchmarkServices.For(BenchmarkDatabase.FromArguments(arguments));
        var administrator = await BenchmarkServices.AdministratorAsync(services);
        var rest = arguments.Skip(2).ToList();
        return step switch
        {
            Import => await ChildStep.ReportAsync(() => ImportAsync(services, administrator, rest[0], new ImportFileContents(Number(rest[1]), Number(rest[2]), Number(rest[3])))),
            Export => await ChildStep.ReportAsync(() => ExportAsync(services, administrator, rest[0])),
            Transfer => await ChildStep.ReportAsync(() => TransferAsync(services, Number(rest[0]), Number(rest[1]))),
            _ => throw new ArgumentException($"Unknown step '{step}'."),
        };
    }

    public static string[] ImportArguments(BenchmarkDatabase database, string file, ImportFileContents contents) =>
        [.. database.Arguments(), file, Text(contents.Rows), Text(contents.NewUsers), Text(contents.UpdatedUsers)];

    public static string[] ExportArguments(BenchmarkDatabase database, string output) => [.. database.Arguments(), output];

    public static string[] TransferArguments(BenchmarkDatabase database, int pairs, int rowsPerUser) => [.. database.Arguments(), Text(pairs), Text(rowsPerUser)];

    /// <summary>
    /// P1: upload, preview, apply, as the import wizard's requests and its background job do, each step in
    /// its own scope: the preview is planned and stored (R-IMP-11), the apply plans again and writes (R-IMP-10).
    /// Each step is a method of its own, so that what it held (the uploaded bytes, the upload's row) is gone
    /// when the next one runs, as it is between the app's requests.
    /// </summary>
    private static async Task ImportAsync(IServiceProvider services, AdministratorProfile administrator, string file, ImportFileContents expected)
    {
        var parts = new ChildStep.Parts();
        var uploadId = await UploadAsync(services, administrator, file, expected);
        parts.End("upload");
        var importId = await PreviewAndSubmitAsync(services, administrator, uploadId);
        parts.End("preview");
        await ApplyAsync(services, importId, expected);
        parts.End("apply");
    }

    private static async Task<Guid> UploadAsync(IServiceProvider services, AdministratorProfile administrator, string file, ImportFileContents expected)
    {
        var content = await File.ReadAllBytesAsync(file);
        var opened = CsvDocument.Open(content, Math.Max(new UploadLimits().MaxRows, expected.Rows));
        var document = opened.Document ?? throw new InvalidOperationException("The file was refused: " + string.Join(" ", opened.Problems));
        await using var scope = services.CreateAsyncScope();
        var drafts = scope.ServiceProvider.GetRequiredService<ImportDrafts>();
        var draft = await drafts.AddAsync(Path.GetFileName(file), document, administrator.UserId);
        draft.ChooseMapping(ImportMapping.AutoMatch(document.Headers));
        await drafts.SaveAsync();
        return draft.UploadId;
    }

    private static async Task<int> PreviewAndSubmitAsync(IServiceProvider services, AdministratorProfile administrator, Guid uploadId)
    {
        await using var scope = services.CreateAsyncScope();
        var upload = await scope.ServiceProvider.GetRequiredService<ImportDrafts>().FindAsync(uploadId, administrator.UserId)
            ?? throw new InvalidOperationException("The stored upload is gone.");
        var preview = await scope.ServiceProvider.GetRequiredService<ImportPreviews>().SummaryAsync(upload, administrator);
        if (preview.IsBlocked || preview.Invalid > 0)
        {
            throw new InvalidOperationException("The preview found problems: " + string.Join(" ", preview.BlockingProblems.Take(5)) + $" ({preview.Invalid} invalid rows)");
        }

        var submitted = await scope.ServiceProvider.GetRequiredService<ImportSubmission>().SubmitAsync(upload, administrator, importValidRowsOnly: false);
        return (submitted.Import ?? throw new InvalidOperationException("The import was refused: " + submitted.Refusal)).Id;
    }

    private static async Task ApplyAsync(IServiceProvider services, int importId, ImportFileContents expected)
    {
        await using var scope = services.CreateAsyncScope();
        var state = await scope.ServiceProvider.GetRequiredService<ImportApplier>().RunAsync(importId);
        var import = await scope.ServiceProvider.GetRequiredService<UserAdmin.Core.Persistence.UserAdminDbContext>().PeopleImports.FindAsync(importId)
            ?? throw new InvalidOperationException("The import is gone.");
        if (state != ImportState.Succeeded || import.Created != expected.NewUsers || import.Updated != expected.UpdatedUsers)
        {
            throw new InvalidOperationException($"Expected {expected.NewUsers} new and {expected.UpdatedUsers} updated users; the import ended {state} ({import.Message}), created {import.Created} and updated {import.Updated}.");
        }
    }

    /// <summary>P2: people.csv of every user, written to a file as the export action writes it to the response.</summary>
    private static async Task ExportAsync(IServiceProvider services, AdministratorProfile administrator, string output)
    {
        await using var scope = services.CreateAsyncScope();
        await using var stream = new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1, useAsync: true);
        await scope.ServiceProvider.GetRequiredService<PeopleCsvExport>().WriteAsync(stream, administrator, DateFormat.YearMonthDayDash);
    }

    /// <summary>P3: every pair transferred by the bulk transfer; each agent owns at least R rows of every type but the real-time state.</summary>
    private static async Task TransferAsync(IServiceProvider services, int pairs, int rowsPerUser)
    {
        var moved = await new PairTransfers(services).RunPairsAsync(TransferData.Pairs(pairs));
        var atLeast = (long)pairs * rowsPerUser * (UserAdmin.Core.Transfers.TransferCatalogue.All.Count - 1);
        if (moved < atLeast)
        {
            throw new InvalidOperationException($"The transfers moved {moved} rows; expected at least {atLeast}.");
        }
    }

    private static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);
}
