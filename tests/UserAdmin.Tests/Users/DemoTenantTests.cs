using Microsoft.EntityFrameworkCore;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Users;

[Collection(AppTestGroup.Name)]
public sealed class DemoTenantTests(DemoTenantTests.App app) : IClassFixture<DemoTenantTests.App>
{
    public sealed class App : UserAdminAppFactory;

    [Fact] // R-BLK-2: the seed's example users exist with the seed's ids
    public async Task Users_19_to_22_are_the_seed_documents_example()
    {
        await using var db = app.CreateDbContext();

        var names = await db.Users.Where(u => u.Id >= 19 && u.Id <= 22).OrderBy(u => u.Id).Select(u => u.FirstName + " " + u.LastName).ToListAsync();

        Assert.Equal(["John Smith", "James Anderson", "Jenny Andrews", "Sam Rodgers"], names);
    }

    [Fact]
    public async Task The_demo_tenant_is_deterministic()
    {
        using var other = new App();
        await using var first = app.CreateDbContext();
        await using var second = other.CreateDbContext();

        var a = await first.Users.OrderBy(u => u.Id).Select(u => new { u.Id, u.Email, u.TeamId, u.Deactivated, u.Rank }).ToListAsync();
        var b = await second.Users.OrderBy(u => u.Id).Select(u => new { u.Id, u.Email, u.TeamId, u.Deactivated, u.Rank }).ToListAsync();

        Assert.Equal(a, b);
    }

    [Fact]
    public async Task The_demo_tenant_has_inactive_users_and_reference_data()
    {
        await using var db = app.CreateDbContext();

        Assert.True(await db.Users.CountAsync(u => u.Deactivated != null) > 0);
        Assert.Equal(6, await db.Teams.CountAsync());
        Assert.Equal(3, await db.Groups.CountAsync());
        Assert.Equal(4, await db.QmViews.CountAsync());
        Assert.True(await db.Roles.CountAsync(r => r.IsTenantAdministrator) == 1);
    }
}
