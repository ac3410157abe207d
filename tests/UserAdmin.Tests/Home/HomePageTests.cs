using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.DemoData;
using UserAdmin.Core.People.Import;
using UserAdmin.Core.Transfers.Runs;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Home;

/// <summary>R-UX-1: the home page of each role, with a running bulk and imports of two administrators.</summary>
[Collection(AppTestGroup.Name)]
public sealed class HomePageTests(HomePageTests.App app) : IClassFixture<HomePageTests.App>
{
    /// <summary>An admin's bulk that stays running (no job is queued for it) and one import each by the admin and the supervisor.</summary>
    public sealed class App : UserAdminAppFactory
    {
        private readonly Lazy<Task> _arranged;

        public App() => _arranged = new(ArrangeAsync);

        public Task ArrangedAsync() => _arranged.Value;

        private async Task ArrangeAsync()
        {
            await using var db = CreateDbContext();
            var admin = await db.Users.SingleAsync(u => u.Email == TestAccounts.AdminEmail);
            var supervisor = await db.Users.SingleAsync(u => u.Email == DemoTenant.SupervisorEmail);
            db.TransferRuns.Add(new TransferRun
            {
                Kind = TransferKind.Bulk, State = TransferRunState.Running, RequestedByUserId = admin.Id, RequestedByName = admin.DisplayName,
                RequestedAt = StartInstant, StartedAt = StartInstant, TotalPairs = 12, DonePairs = 3, FailedPairs = 0, ActiveBulkSlot = TransferRun.TheActiveBulk,
            });
            db.PeopleImports.Add(new PeopleImport { FileName = "admins-import.csv", ImportedByUserId = admin.Id, ImportedByName = admin.DisplayName, ImportedAt = StartInstant, Created = 1, Updated = 2 });
            db.PeopleImports.Add(new PeopleImport { FileName = "supervisors-import.csv", ImportedByUserId = supervisor.Id, ImportedByName = supervisor.DisplayName, ImportedAt = StartInstant, Updated = 1 });
            await db.SaveChangesAsync();
        }
    }

    public static TheoryData<string, string[]> ActionsByRole => new()
    {
        { "admin", ["/users", "/people", "/people/import", "/people/imports", "/mappings", "/transfers/single", "/transfers/bulk", "/transfers", "/hangfire"] },
        { "supervisor", ["/users", "/people", "/people/import", "/people/imports", "/mappings", "/transfers/single", "/transfers/bulk", "/transfers"] },
        { "qm", ["/users", "/people", "/people/import", "/people/imports", "/mappings"] },
        { "agent", [] },
    };

    [Theory] // R-UX-1
    [MemberData(nameof(ActionsByRole))]
    public async Task The_home_page_offers_exactly_the_actions_the_role_permits(string role, string[] hrefs)
    {
        var page = await HomeOfAsync(role);

        Assert.Equal(hrefs, page.QuerySelectorAll("#actions a").Select(a => a.GetAttribute("href")!));
    }

    [Fact] // R-UX-1
    public async Task An_agent_without_permissions_is_told_so_in_words_and_shown_no_lists()
    {
        var page = await HomeOfAsync("agent");

        Assert.Contains("Your roles give you none of", page.QuerySelector("#no-permissions")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("main table"));
        Assert.Null(page.QuerySelector("#view-size"));
        Assert.Empty(page.QuerySelectorAll("nav[aria-label=Main] a")); // no "Users" leading to an empty list
    }

    [Fact] // R-UX-1, R-BLK-6
    public async Task The_administrator_sees_the_running_bulk_with_its_progress_bar()
    {
        var page = await HomeOfAsync("admin");

        var status = page.QuerySelector("#run-status")!;
        Assert.Equal("25", status.QuerySelector("[role=progressbar]")!.GetAttribute("aria-valuenow"));
        Assert.Contains("of 12 pairs transferred", status.TextContent, StringComparison.Ordinal);
        Assert.Contains("2026-06-15 09:00 UTC", status.TextContent, StringComparison.Ordinal); // R-UX-4: with its zone
        Assert.NotNull(page.QuerySelector("#progress-announcer[aria-live=polite]")); // R-UX-2
        Assert.Contains("Bulk of 12 pairs", page.QuerySelector("#latest-transfers")!.TextContent, StringComparison.Ordinal);
    }

    [Fact] // R-UX-1, R-BLK-5: another administrator's bulk is mentioned without naming anyone
    public async Task A_supervisor_is_told_that_another_bulk_runs_but_not_whose()
    {
        var page = await HomeOfAsync("supervisor");

        Assert.Null(page.QuerySelector("#run-status"));
        Assert.NotNull(page.QuerySelector("#other-bulk"));
        Assert.Null(page.QuerySelector("#latest-transfers"));
        Assert.Equal("You have not transferred any user data yet.", page.QuerySelector("#no-transfers")!.TextContent);
    }

    public static TheoryData<string, string[]> ImportsByRole => new()
    {
        { "admin", ["supervisors-import.csv", "admins-import.csv"] },
        { "supervisor", ["supervisors-import.csv"] },
        { "qm", [] },
    };

    [Theory] // R-UX-1, R-SEC-8: the latest imports are the viewer's own, or every import for a tenant administrator
    [MemberData(nameof(ImportsByRole))]
    public async Task The_latest_imports_are_those_the_viewer_may_see(string role, string[] files)
    {
        var page = await HomeOfAsync(role);

        Assert.Equal(files, page.QuerySelectorAll("#latest-imports tbody tr td:nth-child(3)").Select(td => td.TextContent));
        Assert.Equal(files.Length == 0, page.QuerySelector("#no-imports") is not null);
    }

    private async Task<IDocument> HomeOfAsync(string role)
    {
        await app.ArrangedAsync();
        var account = role switch
        {
            "admin" => TestAccounts.Admin,
            "supervisor" => TestAccounts.Supervisor,
            "qm" => TestAccounts.QmAdministrator,
            _ => TestAccounts.Agent,
        };
        using var client = await app.SignInAsync(account);
        return await client.GetDocumentAsync("/");
    }
}
