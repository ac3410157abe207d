using System.Net;
using Microsoft.EntityFrameworkCore;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Account;

/// <summary>R-SEC-6 through a real restart: the app starts again on a tenant whose only administrator cannot sign in.</summary>
[Collection(AppTestGroup.Name)]
public sealed class StartupRecoveryTests
{
    private sealed class Restart(UserAdminAppFactory first) : UserAdminAppFactory(first);

    [Fact] // R-SEC-6
    public async Task A_start_with_no_active_tenant_administrator_lets_the_configured_one_sign_in_again()
    {
        using var first = new UserAdminAppFactory(demoUsers: 0);
        await using (var db = first.CreateDbContext())
        {
            await db.Users.Where(u => u.Email == TestAccounts.AdminEmail)
                .ExecuteUpdateAsync(set => set.SetProperty(u => u.Deactivated, new NodaTime.LocalDate(2026, 1, 1)));
        }

        using (var refused = first.CreateTestClient())
        {
            using var response = await refused.PostFormAsync("/account/login", "/account/login", new Dictionary<string, string>
            {
                ["EmailOrLogin"] = TestAccounts.AdminEmail,
                ["Password"] = TestAccounts.AdminPassword,
            });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode); // the form again: nobody can sign in
        }

        using var restart = new Restart(first);
        using var client = await restart.SignInAsync(TestAccounts.Admin);
        using var users = await client.GetAsync("/users");

        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
    }
}
