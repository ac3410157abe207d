using UserAdmin.Core.Transfers;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Transfers;

[Collection(AppTestGroup.Name)]
public sealed class UserDataCountsPageTests(UserDataCountsPageTests.App app) : IClassFixture<UserDataCountsPageTests.App>
{
    public sealed class App : UserAdminAppFactory;

    [Fact] // DESIGN 9: /users/{id} shows one user with data counts
    public async Task The_user_page_shows_how_many_rows_of_each_transferable_type_the_user_owns()
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);
        await using var db = app.CreateDbContext();
        var owned = await new TransferableDataCounts(db).ForUserAsync(21);

        var page = await client.GetDocumentAsync("/users/21");
        var rows = page.QuerySelectorAll("#transferable-data tbody tr")
            .Select(tr => (Key: tr.GetAttribute("data-key"), Rows: tr.Children[3].TextContent.Replace(",", "", StringComparison.Ordinal)))
            .ToList();

        Assert.Equal(TransferCatalogue.All.Select(t => t.Key), rows.Select(r => r.Key));
        Assert.Equal(owned.Select(o => o.Rows.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Select(r => r.Rows));
        Assert.All(owned, o => Assert.True(o.Rows > 0, o.Type.Name));
    }
}
