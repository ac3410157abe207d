using System.Net;
using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.DemoData;
using UserAdmin.Tests.Infrastructure;
using UserAdmin.Tests.People;

namespace UserAdmin.Tests.Transfers;

/// <summary>R-BLK-1..4 with files edited as a user edits the downloaded CSV.</summary>
[Collection(AppTestGroup.Name)]
public sealed class BulkTransferTests(BulkTransferTests.App app) : IClassFixture<BulkTransferTests.App>
{
    public sealed class App : UserAdminAppFactory;

    private const int JohnSmith = 19;
    private const int JamesAnderson = 20;
    private const int JennyAndrews = 21;
    private const int SamRodgers = 22;

    [Fact] // R-BLK-1: every active and inactive user in the view, From User ID filled, To User ID empty
    public async Task The_download_lists_every_user_in_the_view_with_an_empty_To_column()
    {
        using var admin = await app.SignInAsync(TestAccounts.Admin);
        using var supervisor = await app.SignInAsync(TestAccounts.Supervisor);
        await using var db = app.CreateDbContext();
        var inScope = await db.Users.CountAsync(u => DemoTenant.SupervisorScopeTeams.Contains(u.Team!.Name));

        var all = await new BulkSteps(admin).DownloadAsync();
        var scoped = await new BulkSteps(supervisor).DownloadAsync();

        Assert.Equal(["From User ID", "To User ID", "First Name", "Last Name", "Email", "Login", "Status", "Team"], all.Headers);
        Assert.Equal(app.DemoUsers + 1, all.Rows.Count);
        Assert.Contains(all.Rows, r => r[6] == "Inactive");
        Assert.All(all.Rows, r => Assert.Equal("", r[1]));
        Assert.Equal(inScope, scoped.Rows.Count);
    }

    [Fact] // R-BLK-2: the seed's example — John Smith (19) → Jenny Andrews is Jenny's row From 21, To 19
    public async Task The_seed_example_reads_as_source_19_to_target_21()
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);
        var steps = new BulkSteps(client);
        var file = await steps.DownloadAsync();
        BulkSteps.MoveData(file, source: JohnSmith, target: JennyAndrews);

        var preview = await steps.PreviewAsync(await steps.UploadAsync(BulkSteps.File(file)));

        Assert.Equal("John Smith (19) → Jenny Andrews (21)", Assert.Single(preview.QuerySelectorAll("#pairs-preview td.pair")).TextContent);
        Assert.Contains($"{app.DemoUsers} rows without a To User ID ignored", preview.QuerySelector("p.muted")!.TextContent, StringComparison.Ordinal);
        Assert.Null(preview.QuerySelector("#run-transfer[disabled]"));
    }

    [Fact] // R-BLK-2, R-IMP-1: European Excel (BOM, ';'), ids rewritten as 19.0 or with spaces are read
    public async Task Excel_rewritten_ids_and_semicolons_are_read()
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);
        var steps = new BulkSteps(client);
        var file = await steps.DownloadAsync();
        BulkSteps.MoveData(file, source: JamesAnderson, target: SamRodgers, asTyped: " 20.0 ");

        var preview = await steps.PreviewAsync(await steps.UploadAsync(BulkSteps.File(file, ";")));

        Assert.Equal("James Anderson (20) → Sam Rodgers (22)", Assert.Single(preview.QuerySelectorAll("#pairs-preview td.pair")).TextContent);
    }

    [Fact] // R-BLK-3: every error on its row with its line number; R-BLK-4: errors first and Run Transfer disabled
    public async Task Every_bulk_error_is_reported_on_its_line()
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);
        var steps = new BulkSteps(client);
        var text = "From User ID,To User ID\r\n"
            + "30,31\r\n"        // line 2: valid
            + "32,abc\r\n"       // line 3: not a number
            + "33,99999\r\n"     // line 4: unknown source
            + "88888,34\r\n"     // line 5: From edited (not a user)
            + "35,35\r\n"        // line 6: same user
            + "36,40\r\n"        // line 7: source 40 twice (with line 8)
            + "37,40\r\n"        // line 8
            + "38,41\r\n"        // line 9: target 38 twice (with line 10)
            + "38,42\r\n"        // line 10
            + "43,44\r\n"        // line 11: 44 is a source here and a target on line 12
            + "44,45\r\n"        // line 12
            + "46,1\r\n"         // line 13: tenant administrator as source
            + ",47\r\n"          // line 14: From blank
            + "48,\r\n";         // line 15: ignored
        var previewUrl = await steps.UploadAsync(ImportSteps.Utf8(text));
        var preview = await steps.PreviewAsync(previewUrl, "?pageSize=100");
        var rows = preview.QuerySelectorAll("#pairs-preview tbody tr").ToDictionary(r => r.GetAttribute("data-line")!, r => r.QuerySelector(".errors")!.TextContent.Trim());

        Assert.Equal("", rows["2"]);
        Assert.Contains("\"abc\" is not a user id", rows["3"], StringComparison.Ordinal);
        Assert.Contains("The source user (ID 99999) does not exist.", rows["4"], StringComparison.Ordinal);
        Assert.Contains("From User ID 88888 is not a user", rows["5"], StringComparison.Ordinal);
        Assert.Contains("the same user", rows["6"], StringComparison.Ordinal);
        Assert.Contains("user 40's data is to move on lines 7, 8", rows["7"], StringComparison.Ordinal);
        Assert.Contains("user 40's data is to move on lines 7, 8", rows["8"], StringComparison.Ordinal);
        Assert.Contains("From User ID 38 is on lines 9, 10", rows["9"], StringComparison.Ordinal);
        Assert.Contains("From User ID 38 is on lines 9, 10", rows["10"], StringComparison.Ordinal);
        // R-BLK-3 as amended: both rows of the chain 44 → 43, 45 → 44 are errors.
        Assert.Contains("user 44 is a source here and a target on line 12", rows["11"], StringComparison.Ordinal);
        Assert.Contains("user 44 is a target here and a source on line 11", rows["12"], StringComparison.Ordinal);
        Assert.Contains("is a tenant administrator", rows["13"], StringComparison.Ordinal);
        Assert.Contains("From User ID is blank", rows["14"], StringComparison.Ordinal);
        Assert.False(rows.ContainsKey("15"));
        Assert.Equal("3", preview.QuerySelector("#pairs-preview tbody tr")!.GetAttribute("data-line")); // errors first
        Assert.NotNull(preview.QuerySelector("#run-transfer[disabled]"));
        // A forged run request (no Run Transfer button to press) is refused by the server too.
        using var forged = await client.PostFormAsync(previewUrl, previewUrl.Replace("/preview", "/run", StringComparison.Ordinal), []);
        var after = await client.GetDocumentAsync(forged.Headers.Location!.OriginalString);
        Assert.Contains("fix them before running", after.QuerySelector("#run-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact] // R-BLK-3, R-SEC-2: users outside a supervisor's view are errors and are not named
    public async Task Users_outside_the_view_are_refused_without_their_names()
    {
        await using var db = app.CreateDbContext();
        var inView = await db.Users.Where(u => DemoTenant.SupervisorScopeTeams.Contains(u.Team!.Name) && u.PasswordHash == null).Select(u => u.Id).FirstAsync();
        var outside = await db.Users.Where(u => u.Team != null && !DemoTenant.SupervisorScopeTeams.Contains(u.Team.Name) && u.PasswordHash == null)
            .Select(u => new { u.Id, u.LastName }).FirstAsync();
        using var client = await app.SignInAsync(TestAccounts.Supervisor);
        var steps = new BulkSteps(client);

        var preview = await steps.PreviewAsync(await steps.UploadAsync(ImportSteps.Utf8($"From User ID,To User ID\r\n{inView},{outside.Id}\r\n")));
        var row = preview.QuerySelector("#pairs-preview tbody tr")!.TextContent;

        Assert.Contains($"The source user (ID {outside.Id}) is not within your view.", row, StringComparison.Ordinal);
        Assert.DoesNotContain(outside.LastName, row, StringComparison.Ordinal);
    }

    [Fact] // R-BLK-4: pages of 10, 25, 50 or 100 pairs
    public async Task The_preview_is_paged_with_a_choice_of_rows_per_page()
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);
        var steps = new BulkSteps(client);
        var text = "From User ID,To User ID\r\n" + string.Concat(Enumerable.Range(0, 12).Select(i => $"{23 + i},{40 + i}\r\n"));
        var previewUrl = await steps.UploadAsync(ImportSteps.Utf8(text));

        var first = await steps.PreviewAsync(previewUrl, "?pageSize=10");
        var second = await steps.PreviewAsync(previewUrl, "?pageSize=10&page=2");
        var all = await steps.PreviewAsync(previewUrl, "?pageSize=25");

        Assert.Equal(10, first.QuerySelectorAll("#pairs-preview tbody tr").Length);
        Assert.Equal(2, second.QuerySelectorAll("#pairs-preview tbody tr").Length);
        Assert.Equal(12, all.QuerySelectorAll("#pairs-preview tbody tr").Length);
        Assert.Equal(["10", "25", "50", "100"], first.QuerySelectorAll("#page-size option").Select(o => o.TextContent));
    }

    [Fact] // R-BLK-3: more than 2,000 pairs are refused
    public async Task More_than_two_thousand_pairs_are_refused()
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);
        var steps = new BulkSteps(client);
        var text = "From User ID,To User ID\r\n" + string.Concat(Enumerable.Range(0, 2001).Select(i => $"{100000 + i},{200000 + i}\r\n"));

        var preview = await steps.PreviewAsync(await steps.UploadAsync(ImportSteps.Utf8(text)));

        Assert.Contains("one bulk transfer takes at most 2,000 pairs", preview.QuerySelector("#problems")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(preview.QuerySelector("#run-transfer[disabled]"));
    }

    [Fact] // R-BLK-3: a file that is not the bulk export is refused with what was expected
    public async Task A_file_without_the_From_and_To_columns_is_refused()
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);
        var steps = new BulkSteps(client);

        var preview = await steps.PreviewAsync(await steps.UploadAsync(ImportSteps.Utf8("User ID,Email\r\n1,a@example.com\r\n")));

        Assert.Contains("the first two columns must be \"From User ID\" and \"To User ID\"", preview.QuerySelector("#problems")!.TextContent, StringComparison.Ordinal);
    }
}
