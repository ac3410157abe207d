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
        await page.PressAsync("input[name=search]", "Enter");
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

    [Fact] // R-UX-4: a filter applies as soon as it changes; a column header sorts and shows its direction
    public async Task Filters_apply_on_change_and_column_headers_sort_both_ways()
    {
        var page = await session.SignedInPageAsync(TestAccounts.Admin);
        await page.GotoAsync("/users");

        Assert.False(await page.Locator(".apply-button").IsVisibleAsync());
        await page.SelectOptionAsync("select[name=status]", "Inactive");
        await page.WaitForURLAsync(url => url.Contains("status=Inactive", StringComparison.Ordinal));
        Assert.All(await page.Locator("#users tbody .badge").AllInnerTextsAsync(), badge => Assert.Equal("Inactive", badge));

        await page.ClickAsync("#users th[data-sort=Id] a");
        await page.WaitForURLAsync(url => url.Contains("sort=Id", StringComparison.Ordinal));
        Assert.Equal("ascending", await page.GetAttributeAsync("#users th[data-sort=Id]", "aria-sort"));
        Assert.Contains("status=Inactive", page.Url, StringComparison.Ordinal); // the filter stays
        await page.ClickAsync("#users th[data-sort=Id] a");
        await page.WaitForURLAsync(url => url.Contains("direction=Descending", StringComparison.Ordinal));
        Assert.Equal("descending", await page.GetAttributeAsync("#users th[data-sort=Id]", "aria-sort"));
        Assert.Contains("▼", await page.InnerTextAsync("#users th[data-sort=Id]"), StringComparison.Ordinal);

        var ids = (await page.Locator("#users tbody tr td:nth-child(1)").AllInnerTextsAsync()).Select(int.Parse).ToList();
        Assert.True(ids.Count > 1);
        Assert.Equal(ids.OrderDescending(), ids);
        await Screenshots.SaveAsync(page, "users-sorted-by-id-descending");
    }
}
