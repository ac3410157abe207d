using System.Globalization;
using System.Net;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.People;

/// <summary>
/// The property of issue 15: a tenant's own unedited export fits the import's limits — the page warns
/// exactly when it would not — and, when it fits, imports back with zero changes (R-EXP-5, R-IMP-1).
/// Every combination of a row limit below / at the export's rows and a size limit below / above its bytes.
/// </summary>
[Collection(AppTestGroup.Name)]
public sealed class ExportFitsImportTests
{
    private sealed class LimitedApp(int maxRows, long maxFileBytes) : UserAdminAppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
        [
            new("Import:MaxRows", maxRows.ToString(CultureInfo.InvariantCulture)),
            new("Import:MaxFileBytes", maxFileBytes.ToString(CultureInfo.InvariantCulture)),
        ];
    }

    [Theory] // R-EXP-5, R-IMP-1
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public async Task The_export_page_warns_exactly_when_the_own_export_would_not_import_back_and_otherwise_it_imports_with_zero_changes(bool rowsFit, bool bytesFit)
    {
        var (rows, bytes) = await ExportOfTheDemoTenantAsync();
        using var app = new LimitedApp(rowsFit ? rows : rows - 1, bytesFit ? bytes * 2 : bytes / 2);
        using var client = await app.SignInAsync(TestAccounts.Admin);
        var steps = new ImportSteps(client);

        var page = await client.GetDocumentAsync("/people");
        var export = await steps.ExportBytesAsync();
        var (status, problems) = await steps.RefusedUploadAsync(export);

        var warning = page.QuerySelector("#export-too-large")?.TextContent;
        Assert.Equal(!(rowsFit && bytesFit), warning is not null);
        if (rowsFit && bytesFit)
        {
            var preview = await steps.PreviewPageAsync(await steps.PreviewAsync(export));
            Assert.Equal(("0", "0", "0"), (preview.QuerySelector("#count-new")!.TextContent, preview.QuerySelector("#count-updated")!.TextContent, preview.QuerySelector("#count-invalid")!.TextContent));
        }
        else
        {
            // The page warned, and the upload refuses (the size is checked before the file is read).
            Assert.NotEqual(HttpStatusCode.Redirect, status);
            Assert.Contains(bytesFit ? "data rows, the most one import takes" : "largest file one upload takes", problems, StringComparison.Ordinal);
            Assert.Contains(rowsFit ? "Import:MaxFileBytes" : "Import:MaxRows", warning, StringComparison.Ordinal);
        }
    }

    /// <summary>The demo tenant's export (the seed is deterministic): its data rows and bytes.</summary>
    private static async Task<(int Rows, long Bytes)> ExportOfTheDemoTenantAsync()
    {
        using var app = new UserAdminAppFactory();
        using var client = await app.SignInAsync(TestAccounts.Admin);
        var export = await new ImportSteps(client).ExportBytesAsync();
        return (PeopleFile.Parse(System.Text.Encoding.UTF8.GetString(export)).Rows.Count, export.Length);
    }
}
