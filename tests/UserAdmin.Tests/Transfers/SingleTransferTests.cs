using System.Net;
using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.DemoData;
using UserAdmin.Core.Transfers;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Transfers;

/// <summary>DESIGN 6.1 over HTTP, with the real Hangfire job on the transfers queue.</summary>
[Collection(AppTestGroup.Name)]
public sealed class SingleTransferTests(SingleTransferTests.App app) : IClassFixture<SingleTransferTests.App>
{
    public sealed class App : UserAdminAppFactory;

    private const int JohnSmith = 19;
    private const int JamesAnderson = 20;
    private const int JennyAndrews = 21;
    private const int SamRodgers = 22;

    [Fact] // R-TRF-4: the impact shown is what the engine computes
    public async Task The_page_shows_the_impact_per_data_type()
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);
        await using var db = app.CreateDbContext();
        var impact = await new TransferEngine(db).ImpactAsync(JamesAnderson, SamRodgers);

        var page = await client.GetDocumentAsync($"/transfers/single?source={JamesAnderson}&target={SamRodgers}");
        var rows = page.QuerySelectorAll("#impact tbody tr").ToList();

        Assert.Equal("James Anderson (20) → Sam Rodgers (22)", page.QuerySelector("h2")!.TextContent);
        Assert.Equal(impact.Counts.Select(c => c.RowsMoved.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Select(r => r.QuerySelector(".moved")!.TextContent));
        Assert.Equal(impact.Counts.Select(c => c.TargetRowsDeleted.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Select(r => r.QuerySelector(".deleted")!.TextContent));
        var schedules = rows.Single(r => r.GetAttribute("data-type") == "agent-schedules").TextContent;
        Assert.Contains("Sam Rodgers's", schedules, StringComparison.Ordinal);
        Assert.Contains("are deleted and replaced by James Anderson's", schedules, StringComparison.Ordinal);
    }

    [Fact] // DESIGN 6.1, R-TRF-2, R-BLK-8: confirm, run as a background job, finished status, history
    public async Task A_confirmed_transfer_runs_in_the_background_and_is_recorded()
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);
        Dictionary<string, int> expected;
        await using (var db = app.CreateDbContext())
        {
            var source = await new TransferableDataCounts(db).ForUserAsync(JohnSmith);
            var target = await new TransferableDataCounts(db).ForUserAsync(JennyAndrews);
            expected = source.Zip(target).ToDictionary(p => p.First.Type.Key, p => p.First.Type.Mode == TransferMode.Overwrite ? p.First.Rows : p.First.Rows + p.Second.Rows);
        }

        var confirm = await client.GetDocumentAsync($"/transfers/single/confirm?source={JohnSmith}&target={JennyAndrews}");
        using var started = await (await client.PrepareFormAsShownAsync($"/transfers/single/confirm?source={JohnSmith}&target={JennyAndrews}", "#confirm-form")).PostAsync();
        var runUrl = started.Headers.Location!.OriginalString;
        var status = await TransferRunWaiter.FinishedAsync(client, runUrl);
        var runPage = await client.GetDocumentAsync(runUrl);
        var history = await client.GetDocumentAsync("/transfers");

        Assert.Contains("This is permanent and cannot be undone.", confirm.QuerySelector("#permanent")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Assert.Equal("Succeeded", status.GetProperty("state").GetString());
        Assert.Equal(1, status.GetProperty("total").GetInt32());
        Assert.Equal(1, status.GetProperty("done").GetInt32());
        Assert.Equal("Data Transfer Successful", runPage.QuerySelector("#result")!.TextContent.Trim());
        Assert.Contains("John Smith (19) → Jenny Andrews (21)", history.QuerySelector("#transfers tbody")!.TextContent, StringComparison.Ordinal);
        await using var after = app.CreateDbContext();
        var owned = await new TransferableDataCounts(after).ForUserAsync(JennyAndrews);
        Assert.Equal(expected, owned.ToDictionary(o => o.Type.Key, o => o.Rows));
        Assert.All(await new TransferableDataCounts(after).ForUserAsync(JohnSmith), o => Assert.Equal(0, o.Rows));
    }

    [Theory] // R-TRF-3: same user and tenant administrators are refused with the reason, nothing changes
    [InlineData(JennyAndrews, JennyAndrews, "The source and the target are the same user")]
    [InlineData(JamesAnderson, 1, "is a tenant administrator")]
    public async Task Refused_pairs_show_the_reason_and_change_nothing(int source, int target, string reason)
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);
        await using var db = app.CreateDbContext();
        var before = await new TransferableDataCounts(db).ForUserAsync(source);
        var runsBefore = await db.TransferRuns.CountAsync();

        var page = await client.GetDocumentAsync($"/transfers/single?source={source}&target={target}");
        using var posted = await client.PostFormAsync("/transfers/single", "/transfers/single",
            new Dictionary<string, string> { ["source"] = source.ToString(System.Globalization.CultureInfo.InvariantCulture), ["target"] = target.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var after = await client.GetDocumentAsync(posted.Headers.Location!.OriginalString);

        Assert.Contains(reason, page.QuerySelector("#refusals")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(reason, after.QuerySelector("#start-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(runsBefore, await db.TransferRuns.CountAsync());
        Assert.Equal(before.Select(b => b.Rows), (await new TransferableDataCounts(db).ForUserAsync(source)).Select(b => b.Rows));
    }

    [Fact] // R-SEC-2, R-TRF-3: a supervisor picks only users in the view and cannot start a transfer outside it
    public async Task A_supervisor_is_limited_to_their_view()
    {
        await using var db = app.CreateDbContext();
        var inView = await db.Users.Where(u => DemoTenant.SupervisorScopeTeams.Contains(u.Team!.Name) && u.PasswordHash == null).Select(u => u.Id).Take(2).ToListAsync();
        var outside = await db.Users.Where(u => u.Team != null && !DemoTenant.SupervisorScopeTeams.Contains(u.Team.Name) && u.PasswordHash == null).Select(u => u.Id).FirstAsync();
        using var client = await app.SignInAsync(TestAccounts.Supervisor);

        var picker = await client.GetDocumentAsync("/transfers/single?showInactive=true");
        var offered = picker.QuerySelectorAll("#source option").Select(o => int.Parse(o.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var refused = await client.GetDocumentAsync($"/transfers/single?source={outside}&target={inView[0]}");

        Assert.DoesNotContain(outside, offered);
        Assert.Contains($"The source user (ID {outside}) is not within your view.", refused.QuerySelector("#refusals")!.TextContent, StringComparison.Ordinal);
    }

    [Fact] // R-SEC-4: transfers need the Transfer User Data permission
    public async Task An_agent_cannot_open_the_transfer_pages()
    {
        using var client = await app.SignInAsync(TestAccounts.Agent);

        using var single = await client.GetAsync("/transfers/single");
        using var history = await client.GetAsync("/transfers");

        Assert.Equal(HttpStatusCode.Forbidden, single.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, history.StatusCode);
    }
}
