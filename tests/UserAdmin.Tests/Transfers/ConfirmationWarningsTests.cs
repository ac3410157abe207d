using System.Globalization;
using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Transfers;
using UserAdmin.Tests.Infrastructure;
using UserAdmin.Tests.People;

namespace UserAdmin.Tests.Transfers;

/// <summary>R-TRF-6: earlier transfers are flagged and need an explicit choice; R-TRF-7: what is destroyed is said in words.</summary>
[Collection(AppTestGroup.Name)]
public sealed class ConfirmationWarningsTests(ConfirmationWarningsTests.App app) : IClassFixture<ConfirmationWarningsTests.App>
{
    public sealed class App : UserAdminAppFactory;

    private static string ConfirmUrl(int source, int target) => string.Create(CultureInfo.InvariantCulture, $"/transfers/single/confirm?source={source}&target={target}");

    private static async Task<string> RunSingleAsync(TestClient client, int source, int target, bool acknowledge = false)
    {
        var form = await client.PrepareFormAsShownAsync(ConfirmUrl(source, target), "#confirm-form",
            acknowledge ? [new KeyValuePair<string, string>("acknowledgeEarlierTransfer", "true")] : null);
        using var answer = await form.PostAsync();
        return answer.Headers.Location!.OriginalString;
    }

    [Fact] // R-TRF-6: a source already transferred is flagged (when, by whom, link) and runs again only after the acknowledgement
    public async Task A_single_transfer_of_an_already_transferred_source_needs_an_explicit_acknowledgement()
    {
        var (source, target) = await DemoPairs.ChooseAsync(app, 30);
        var (_, otherTarget) = await DemoPairs.ChooseAsync(app, target + 1);
        using var client = await app.SignInAsync(TestAccounts.Admin);
        var before = await client.GetDocumentAsync(ConfirmUrl(source, target));
        var firstRun = await RunSingleAsync(client, source, target);
        await TransferRunWaiter.FinishedAsync(client, firstRun);
        int runsBefore;
        await using (var db = app.CreateDbContext())
        {
            runsBefore = await db.TransferRuns.CountAsync();
        }

        var confirm = await client.GetDocumentAsync(ConfirmUrl(source, otherTarget));
        var refused = await RunSingleAsync(client, source, otherTarget);
        var refusedPage = await client.GetDocumentAsync(refused);
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(runsBefore, await db.TransferRuns.CountAsync());
        }

        var acknowledged = await RunSingleAsync(client, source, otherTarget, acknowledge: true);

        Assert.Null(before.QuerySelector("#already-transferred"));
        var warning = confirm.QuerySelector("#already-transferred")!;
        Assert.Contains("data was already transferred to", warning.TextContent, StringComparison.Ordinal);
        Assert.Contains("by Tenant Administrator", warning.TextContent, StringComparison.Ordinal);
        Assert.Equal(firstRun, warning.QuerySelector("a")!.GetAttribute("href"));
        Assert.NotNull(confirm.QuerySelector("#acknowledge-earlier[required]"));
        Assert.StartsWith("/transfers/single/confirm", refused, StringComparison.Ordinal);
        Assert.Contains("was already transferred", refusedPage.QuerySelector("#start-error")!.TextContent, StringComparison.Ordinal);
        Assert.Matches("^/transfers/[0-9]+$", acknowledged);
        Assert.NotEqual(firstRun, acknowledged);
    }

    [Fact] // R-TRF-6: in a bulk such rows are errors until "include already transferred pairs" is chosen
    public async Task A_bulk_row_of_an_already_transferred_source_is_an_error_unless_included()
    {
        var pairs = await BulkAgents.AddAsync(app, 3, "again");
        using var client = await app.SignInAsync(TestAccounts.Admin);
        await TransferRunWaiter.FinishedAsync(client, await RunSingleAsync(client, pairs[0].Source, pairs[0].Target));
        var steps = new BulkSteps(client);
        var previewUrl = await steps.UploadAsync(BulkAgents.File([(pairs[0].Source, pairs[1].Target), (pairs[2].Source, pairs[2].Target)]));

        var preview = await steps.PreviewAsync(previewUrl);
        using (var include = await client.PostFormAsync(previewUrl, previewUrl.Replace("/preview", "/include-transferred", StringComparison.Ordinal), new Dictionary<string, string> { ["include"] = "true" }))
        {
            Assert.Equal(previewUrl, include.Headers.Location!.OriginalString);
        }

        var included = await steps.PreviewAsync(previewUrl);
        var confirm = await client.GetDocumentAsync(previewUrl.Replace("/preview", "/confirm", StringComparison.Ordinal));

        var flagged = preview.QuerySelector("#pairs-preview tbody tr")!;
        Assert.Equal("error", flagged.GetAttribute("class"));
        Assert.Contains("data was already transferred to", flagged.QuerySelector(".already-transferred")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(preview.QuerySelector("#run-transfer[disabled]"));
        Assert.Contains("1 pair has an error", preview.QuerySelector("#error-count")!.TextContent, StringComparison.Ordinal);
        Assert.Null(included.QuerySelector("#run-transfer[disabled]"));
        Assert.NotNull(included.QuerySelector("#include-transferred[checked]"));
        Assert.Null(included.QuerySelector("#pairs-preview tr.error"));
        Assert.Contains("already transferred", confirm.QuerySelector("#already-transferred")!.TextContent, StringComparison.Ordinal);
    }

    [Fact] // R-TRF-6: a source transferred by someone else after the bulk preview was made refuses the run at its start, and nothing starts
    public async Task A_bulk_whose_source_was_transferred_after_its_preview_is_refused_at_the_start_unless_included()
    {
        var pairs = await BulkAgents.AddAsync(app, 3, "meanwhile");
        using var client = await app.SignInAsync(TestAccounts.Admin);
        var steps = new BulkSteps(client);
        var file = BulkAgents.File([(pairs[0].Source, pairs[0].Target), (pairs[1].Source, pairs[1].Target)]);
        var previewUrl = await steps.UploadAsync(file);
        var confirm = await steps.PrepareRunAsync(previewUrl);
        await TransferRunWaiter.FinishedAsync(client, await RunSingleAsync(client, pairs[1].Source, pairs[2].Target));
        int runsBefore;
        await using (var db = app.CreateDbContext())
        {
            runsBefore = await db.TransferRuns.CountAsync();
        }

        using var refused = await confirm.PostAsync();
        var (refusedRun, error) = await steps.RunAnswerAsync(refused);
        int runsAfterRefusal;
        await using (var db = app.CreateDbContext())
        {
            runsAfterRefusal = await db.TransferRuns.CountAsync();
        }

        var includedUrl = await steps.UploadAsync(file);
        await steps.IncludeTransferredAsync(includedUrl);
        var (includedRun, _) = await steps.RunAsync(includedUrl);

        Assert.Null(refusedRun);
        Assert.Equal(runsBefore, runsAfterRefusal);
        Assert.StartsWith("Since the preview, some of these sources' data was transferred:", error, StringComparison.Ordinal);
        Assert.Contains("data was already transferred to", error, StringComparison.Ordinal);
        Assert.EndsWith("Upload the file again to see the pairs as they are now.", error, StringComparison.Ordinal);
        Assert.NotNull(includedRun);
        var status = await TransferRunWaiter.FinishedAsync(client, includedRun);
        Assert.Equal(2, status.GetProperty("done").GetInt32());
    }

    [Fact] // R-TRF-7: an overwritten type deleted with nothing to replace it is named in words and highlighted
    public async Task Rows_deleted_with_nothing_to_replace_them_are_named_in_words()
    {
        const int jennyAndrews = 21;
        var empty = (await BulkAgents.AddAsync(app, 1, "empty"))[0].Target; // owns nothing
        int schedules;
        await using (var db = app.CreateDbContext())
        {
            schedules = await db.AgentSchedules.CountAsync(s => s.UserId == jennyAndrews);
        }

        using var client = await app.SignInAsync(TestAccounts.Admin);
        var confirm = await client.GetDocumentAsync(ConfirmUrl(empty, jennyAndrews));

        Assert.True(schedules > 0);
        Assert.Contains($"Jenny Andrews's {schedules} agent schedules are deleted and nothing replaces them.", confirm.QuerySelector("#destroyed")!.TextContent, StringComparison.Ordinal);
        var row = confirm.QuerySelector("#impact tr[data-type=agent-schedules]")!;
        Assert.Contains("destroyed", row.GetAttribute("class"), StringComparison.Ordinal);
        Assert.Equal($"Jenny Andrews's {schedules} agent schedules are deleted and nothing replaces them.", row.QuerySelector(".what")!.TextContent);
        Assert.Null(confirm.QuerySelector("#impact tr[data-type=login-states].destroyed")); // a combined type is never destroyed
    }

    [Fact] // R-TRF-7: the wording, for every catalogue type and each case of moved and deleted rows
    public void The_impact_wording_names_what_is_destroyed_only_when_nothing_replaces_it()
    {
        foreach (var type in TransferCatalogue.All)
        {
            foreach (var (moved, deleted) in new[] { (0, 0), (0, 3), (2, 0), (2, 3) })
            {
                var counts = new DataTypeCounts(type, moved, type.Mode == TransferMode.Overwrite ? deleted : 0);
                var words = ImpactWords.Describe(counts, "John Smith", "Jenny Andrews");
                var destroyed = type.Mode == TransferMode.Overwrite && moved == 0 && deleted > 0;
                Assert.Equal(destroyed, ImpactWords.DestroysWithoutReplacement(counts));
                Assert.Equal(destroyed, words == $"Jenny Andrews's {deleted} {type.RowsNoun} are deleted and nothing replaces them.");
                Assert.DoesNotContain("(", type.RowsNoun, StringComparison.Ordinal);
            }
        }
    }
}
