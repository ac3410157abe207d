using Microsoft.Playwright;
using UserAdmin.BrowserTests.Infrastructure;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.BrowserTests.Users;

public sealed class UsersPageTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact] // R-SEC-4, R-SEC-2
    public async Task An_administrator_signs_in_opens_the_users_list_and_searches()
    {
        var page = await session.SignedInPageAsync(TestAccounts.Admin);

        await page.GotoAsync("/users");
        Assert.Equal(50, await page.Locator("#users tbody tr").CountAsync());
        await page.FillAsync("input[name=search]", "Andrews");
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("search=Andrews", StringComparison.Ordinal));

        var names = await page.Locator("#users tbody tr td:nth-child(2)").AllInnerTextsAsync();
        Assert.Contains("Andrews, Jenny", names);
        Assert.All(names, name => Assert.Contains("Andrews", name, StringComparison.Ordinal));
        await Screenshots.SaveAsync(page, "users-search");
    }

    [Fact] // R-SEC-2
    public async Task The_supervisor_sees_only_their_teams_and_no_jobs_link()
    {
        var page = await session.SignedInPageAsync(TestAccounts.Supervisor);

        await page.GotoAsync("/users?status=All&pageSize=100");
        var teams = (await page.Locator("#users tbody tr td:nth-child(5)").AllInnerTextsAsync()).Distinct().Order();

        Assert.Equal(["Alpha", "Bravo"], teams);
        Assert.Equal(0, await page.Locator("nav a[href='/hangfire']").CountAsync());
        await Screenshots.SaveAsync(page, "users-supervisor");
    }
}
