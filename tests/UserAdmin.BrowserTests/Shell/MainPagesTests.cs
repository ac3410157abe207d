using Microsoft.Playwright;
using UserAdmin.BrowserTests.Infrastructure;
using UserAdmin.Tests.Infrastructure;
using UserAdmin.Tests.People;
using UserAdmin.Tests.Transfers;

namespace UserAdmin.BrowserTests.Shell;

/// <summary>
/// R-UX-2 on every main page, at 1366 px and 390 px: no sideways page scroll, no serious or critical
/// axe-core violation, a screenshot of each. One app and one signed-in page per area.
/// </summary>
public sealed class MainPagesTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact] // R-UX-1, R-UX-2
    public async Task The_home_page_of_every_role_fits_both_widths_without_accessibility_violations()
    {
        var problems = new List<string>();
        foreach (var (role, account) in new[] { ("admin", TestAccounts.Admin), ("supervisor", TestAccounts.Supervisor), ("qm-administrator", TestAccounts.QmAdministrator), ("agent", TestAccounts.Agent) })
        {
            var page = await session.SignedInPageAsync(account);
            await page.GotoAsync("/");
            Assert.StartsWith("Welcome, ", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(role == "agent", await page.Locator("#no-permissions").IsVisibleAsync());
            problems.AddRange(await PageCheck.AtBothWidthsAsync(page, "home-" + role));
            await page.Context.CloseAsync();
        }

        PageCheck.AssertNone(problems);
    }

    [Fact] // R-UX-2
    public async Task The_users_export_and_mapping_pages_fit_both_widths_without_accessibility_violations()
    {
        var page = await session.SignedInPageAsync(TestAccounts.Admin);
        var problems = new List<string>();
        foreach (var (url, name) in new[]
        {
            ("/users", "users"), ("/users?sort=Team&direction=Descending", "users-sorted"), ("/users/21", "user"),
            ("/people", "export"), ("/people/import", "import-upload"), ("/people/imports", "import-history"), ("/mappings", "mappings"),
        })
        {
            await page.GotoAsync(url);
            problems.AddRange(await PageCheck.AtBothWidthsAsync(page, name));
        }

        PageCheck.AssertNone(problems);
    }

    [Fact] // R-UX-2
    public async Task The_import_steps_fit_both_widths_without_accessibility_violations()
    {
        var page = await session.SignedInPageAsync(TestAccounts.Admin);
        var export = await page.APIRequest.GetAsync("/people/export");
        var people = PeopleFile.Parse(await export.TextAsync());
        people[people.RowOf("alex.morgan@example.com"), "Last Name"] = "Morgan-Shell";
        var file = Path.Combine(Path.GetTempPath(), $"people-{Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(file, people.ToBytes());
        var problems = new List<string>();

        await page.GotoAsync("/people/import");
        await page.SetInputFilesAsync("#file", file);
        await page.ClickAsync("#upload-form button[type=submit]");
        await page.WaitForURLAsync(url => url.EndsWith("/map", StringComparison.Ordinal));
        problems.AddRange(await PageCheck.AtBothWidthsAsync(page, "import-map"));
        await page.ClickAsync("#preview-button");
        await page.WaitForURLAsync(url => url.Contains("/preview", StringComparison.Ordinal));
        problems.AddRange(await PageCheck.AtBothWidthsAsync(page, "import-preview"));
        await page.ClickAsync("#apply");
        await page.WaitForURLAsync(url => url.Contains("/people/imports/", StringComparison.Ordinal));
        problems.AddRange(await PageCheck.AtBothWidthsAsync(page, "import-result"));
        File.Delete(file);

        PageCheck.AssertNone(problems);
    }

    [Fact] // R-UX-2
    public async Task The_transfer_pages_and_the_run_page_fit_both_widths_without_accessibility_violations()
    {
        var pairs = await BulkAgents.AddAsync(session.App, 3, "shell");
        var page = await session.SignedInPageAsync(TestAccounts.Admin);
        var problems = new List<string>();
        var (source, target) = pairs[0];

        await page.GotoAsync("/transfers/bulk");
        problems.AddRange(await PageCheck.AtBothWidthsAsync(page, "bulk-start"));
        var file = Path.Combine(Path.GetTempPath(), $"bulk-{Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(file, BulkAgents.File(pairs.Skip(1)));
        await page.ClickAsync("#run-new-bulk");
        problems.AddRange(await PageCheck.AtBothWidthsAsync(page, "bulk-start-open"));
        await page.SetInputFilesAsync("#file", file);
        await page.ClickAsync("#bulk-upload-form button[type=submit]");
        await page.WaitForSelectorAsync("#pairs-preview");
        problems.AddRange(await PageCheck.AtBothWidthsAsync(page, "bulk-preview"));
        await page.ClickAsync("#run-transfer");
        await page.WaitForSelectorAsync("#permanent");
        problems.AddRange(await PageCheck.AtBothWidthsAsync(page, "bulk-confirm"));
        File.Delete(file);

        await page.GotoAsync($"/transfers/single?target={target}&source={source}");
        await page.WaitForSelectorAsync("#impact");
        problems.AddRange(await PageCheck.AtBothWidthsAsync(page, "transfer-pick"));
        await page.ClickAsync("#run-transfer");
        await page.WaitForSelectorAsync("#permanent");
        problems.AddRange(await PageCheck.AtBothWidthsAsync(page, "transfer-confirm"));
        await page.ClickAsync("#confirm-run");
        await page.WaitForSelectorAsync("#result", new() { Timeout = 60_000 });
        problems.AddRange(await PageCheck.AtBothWidthsAsync(page, "transfer-run"));
        await page.GotoAsync("/transfers");
        problems.AddRange(await PageCheck.AtBothWidthsAsync(page, "transfer-history"));

        PageCheck.AssertNone(problems);
    }

    [Fact] // R-UX-2
    public async Task The_error_pages_fit_both_widths_without_accessibility_violations()
    {
        var supervisor = await session.SignedInPageAsync(TestAccounts.Supervisor);
        var problems = new List<string>();

        var missing = await supervisor.GotoAsync("/users/999999");
        problems.AddRange(await PageCheck.AtBothWidthsAsync(supervisor, "error-not-found"));
        var refused = await supervisor.GotoAsync("/hangfire");
        problems.AddRange(await PageCheck.AtBothWidthsAsync(supervisor, "error-not-allowed"));
        var anonymous = await session.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = session.App.BaseAddress.ToString() });
        await anonymous.GotoAsync("/account/login");
        problems.AddRange(await PageCheck.AtBothWidthsAsync(anonymous, "sign-in"));

        Assert.Equal(404, missing!.Status);
        Assert.Equal(403, refused!.Status);
        PageCheck.AssertNone(problems);
    }

    [Fact] // R-UX-2: the folded menu opens and closes from the keyboard
    public async Task At_phone_width_the_menu_folds_behind_a_button_that_the_keyboard_opens()
    {
        var page = await session.SignedInPageAsync(TestAccounts.Admin, width: 390);
        await page.GotoAsync("/users");
        var toggle = page.Locator(".menu-toggle");

        Assert.False(await page.Locator("nav[aria-label=Main]").IsVisibleAsync());
        await toggle.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("true", await toggle.GetAttributeAsync("aria-expanded"));
        Assert.True(await page.Locator("nav[aria-label=Main] a[href='/transfers']").IsVisibleAsync());
        await Screenshots.SaveAsync(page, "menu-open-390");
        await page.Keyboard.PressAsync("Escape");
        Assert.False(await page.Locator("nav[aria-label=Main]").IsVisibleAsync());
        Assert.Equal("true", await page.EvaluateAsync<string>("() => String(document.activeElement.classList.contains('menu-toggle'))"));
    }
}
