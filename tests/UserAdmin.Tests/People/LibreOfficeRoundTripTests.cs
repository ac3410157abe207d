using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.People.Import;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.People;

/// <summary>
/// R-IMP-13 with a file really re-saved by LibreOffice Calc (TestData/README.md says how it was made):
/// the tenant's own people.csv, opened as Windows-1252, saved as a workbook and again as CSV UTF-8.
/// Its 221 damaged cells must be flagged, and keeping the stored values must change nothing.
/// </summary>
[Collection(AppTestGroup.Name)]
public sealed class LibreOfficeRoundTripTests(LibreOfficeRoundTripTests.App app) : IClassFixture<LibreOfficeRoundTripTests.App>
{
    /// <summary>The app the committed export was taken from: 200 demo users on the test clock's day.</summary>
    public sealed class App() : UserAdminAppFactory(demoUsers: 200);

    private static byte[] TestFile(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "People", "TestData", name));

    [Fact] // R-EXP-5: the committed export is this app's export, so the re-saved file compares with these users
    public async Task Committed_export_is_still_the_demo_tenant_s_export()
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);

        var exported = await new ImportSteps(client).ExportBytesAsync();

        Assert.True(TestFile("people-200-export.csv").SequenceEqual(exported),
            "The demo tenant changed: regenerate the files of People/TestData as its README says.");
    }

    [Fact] // R-IMP-13: every dropped zero and every misread name is flagged, with counts and lines, and the BOM header is matched
    public async Task Calc_resaved_file_is_flagged_as_spreadsheet_damage()
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);
        var steps = new ImportSteps(client);
        var mapUrl = await steps.UploadAsync(TestFile("people-200-libreoffice-calc.csv"));
        var form = await steps.MapFormAsync(mapUrl);
        Assert.Equal("ï»¿User ID", form["column.UserId"]);

        using var mapped = await steps.PostMapAsync(mapUrl, form);
        var preview = await steps.PreviewPageAsync(mapped.Headers.Location!.OriginalString);

        var damage = preview.QuerySelector("#spreadsheet-damage")!;
        Assert.Contains("200 cells", damage.QuerySelector("[data-kind=LeadingZerosDropped]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("line 3, Employee ID: 000001 → 1", damage.QuerySelector("[data-kind=LeadingZerosDropped]")!.TextContent, StringComparison.Ordinal);
        var encoding = damage.QuerySelector("[data-kind=WrongEncoding]")!.TextContent;
        Assert.Contains("21 cells", encoding, StringComparison.Ordinal);
        Assert.Contains("José → JosÃ©", encoding, StringComparison.Ordinal);
        Assert.Contains("ï»¿User ID", damage.QuerySelector("[data-kind=ByteOrderMark]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("200 of the rows change nothing else", damage.TextContent, StringComparison.Ordinal);
        Assert.Equal("200", preview.QuerySelector("#count-updated")!.TextContent);
        Assert.NotNull(preview.QuerySelector("#keep-stored-values[checked]"));
    }

    [Fact] // R-IMP-13: applying with "keep the stored values" writes nothing; applying without a choice is refused
    public async Task Keeping_the_stored_values_imports_the_calc_file_with_zero_changes()
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);
        var steps = new ImportSteps(client);
        var before = await steps.ExportBytesAsync();
        var previewUrl = await steps.PreviewAsync(TestFile("people-200-libreoffice-calc.csv"));
        await steps.PreviewPageAsync(previewUrl);

        var refused = await steps.ApplyAsync(previewUrl, importValidRowsOnly: true);
        Assert.StartsWith("221 cells of the file look changed by a spreadsheet", refused.Error, StringComparison.Ordinal);

        var kept = await steps.ApplyAsync(previewUrl, damagedCells: DamagedCellsChoice.KeepStoredValues);
        Assert.Null(kept.Error);
        Assert.Equal(before, await steps.ExportBytesAsync());
        await using var db = app.CreateDbContext();
        var import = await db.PeopleImports.OrderByDescending(i => i.Id).FirstAsync();
        Assert.Equal((0, 0, 201), (import.Created, import.Updated, import.Unchanged));
    }
}
