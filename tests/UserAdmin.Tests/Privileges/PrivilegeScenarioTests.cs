using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.DemoData;
using UserAdmin.Core.Users;
using UserAdmin.Tests.Infrastructure;
using UserAdmin.Tests.People;

namespace UserAdmin.Tests.Privileges;

/// <summary>The issue's own escalations, step by step: each is refused, names the field and changes nothing.</summary>
[Collection(AppTestGroup.Name)]
public sealed class PrivilegeScenarioTests(PrivilegeScenarioTests.App app) : IClassFixture<PrivilegeScenarioTests.App>
{
    public sealed class App : UserAdminAppFactory;

    [Fact] // R-SEC-5: Maria's own Full Scope and Scope Teams cannot change by import
    public async Task A_supervisor_cannot_give_herself_Full_Scope_or_more_teams()
    {
        using var client = await app.SignInAsync(TestAccounts.Supervisor);
        var steps = new ImportSteps(client);
        var file = PeopleFile.Parse(await steps.ExportAsync()).Only(DemoTenant.SupervisorEmail).WithoutColumn("QM Views");
        file[file.Rows[0], "Full Scope"] = "TRUE";
        file[file.Rows[0], "Scope Teams"] = "Alpha;Bravo;Charlie;Delta;Echo;Foxtrot";
        var before = await steps.ExportBytesAsync();

        var previewUrl = await steps.PreviewAsync(file.ToBytes());
        var errors = (await steps.PreviewPageAsync(previewUrl, "?view=Errors")).QuerySelector("#errors")!.TextContent;
        var (resultUrl, _) = await steps.ApplyAsync(previewUrl);

        Assert.Contains("Full Scope: this row is your own user", errors, StringComparison.Ordinal);
        Assert.Contains("Scope Teams: this row is your own user", errors, StringComparison.Ordinal);
        Assert.Null(resultUrl);
        Assert.Equal(before, await steps.ExportBytesAsync());
    }

    [Fact] // R-SEC-5: what the importer lacks is named
    public async Task A_supervisor_cannot_give_a_peer_Full_Scope_she_does_not_hold()
    {
        var peer = await CreateUserAsync("Supervisor", "Alpha", withPassword: false);
        using var client = await app.SignInAsync(TestAccounts.Supervisor);
        var steps = new ImportSteps(client);
        var file = PeopleFile.Parse(await steps.ExportAsync()).Only(peer).WithoutColumn("QM Views");
        file[file.Rows[0], "Full Scope"] = "TRUE";

        var errors = (await steps.PreviewPageAsync(await steps.PreviewAsync(file.ToBytes()), "?view=Errors")).QuerySelector("#errors")!.TextContent;

        Assert.Contains("Full Scope: you do not have Full Scope yourself, so you cannot give it.", errors, StringComparison.Ordinal);
    }

    [Fact] // R-SEC-5: A gives B a role, B gives it back to A — refused at the first step, and B has nothing to give back
    public async Task No_escalation_through_a_second_account()
    {
        var second = await CreateUserAsync("Supervisor", "Alpha", withPassword: true);
        using var maria = await app.SignInAsync(TestAccounts.Supervisor);
        var mariaSteps = new ImportSteps(maria);
        var file = PeopleFile.Parse(await mariaSteps.ExportAsync()).Only(second).WithoutColumn("QM Views");
        file[file.Rows[0], "Roles"] = "QM Administrator;Supervisor";

        var first = await mariaSteps.PreviewAsync(file.ToBytes());
        var firstErrors = (await mariaSteps.PreviewPageAsync(first, "?view=Errors")).QuerySelector("#errors")!.TextContent;
        Assert.Null((await mariaSteps.ApplyAsync(first)).ResultUrl);
        Assert.Contains("Roles: the role \"QM Administrator\" has the Edit QM Views permission, which you do not have yourself, so you cannot give it.", firstErrors, StringComparison.Ordinal);

        using var secondClient = await app.SignInAsync(new TestAccount(second, TestAccounts.DemoPassword));
        var secondSteps = new ImportSteps(secondClient);
        var back = PeopleFile.Parse(await secondSteps.ExportAsync()).Only(DemoTenant.SupervisorEmail).WithoutColumn("QM Views");
        back[back.Rows[0], "Roles"] = "QM Administrator;Supervisor";
        var backUrl = await secondSteps.PreviewAsync(back.ToBytes());
        var backErrors = (await secondSteps.PreviewPageAsync(backUrl, "?view=Errors")).QuerySelector("#errors")!.TextContent;
        Assert.Null((await secondSteps.ApplyAsync(backUrl)).ResultUrl);
        Assert.Contains("Roles: the role \"QM Administrator\"", backErrors, StringComparison.Ordinal);

        await using var db = app.CreateDbContext();
        Assert.Equal(["Supervisor"], await db.Users.Where(u => u.Email == DemoTenant.SupervisorEmail).SelectMany(u => u.Roles.Select(r => r.Name)).ToListAsync());
        Assert.Equal(["Supervisor"], await db.Users.Where(u => u.Email == second).SelectMany(u => u.Roles.Select(r => r.Name)).ToListAsync());
    }

    [Fact] // R-SEC-5: a file without a Roles column would clear a more privileged user's roles
    public async Task A_supervisor_cannot_clear_a_user_holding_a_permission_she_lacks()
    {
        var qmAdministrator = await CreateUserAsync("QM Administrator", "Bravo", withPassword: false);
        using var client = await app.SignInAsync(TestAccounts.Supervisor);
        var steps = new ImportSteps(client);
        var file = PeopleFile.Parse(await steps.ExportAsync()).Only(qmAdministrator).WithoutColumn("QM Views").WithoutColumn("Roles");
        var before = await steps.ExportBytesAsync();

        var previewUrl = await steps.PreviewAsync(file.ToBytes());
        var errors = (await steps.PreviewPageAsync(previewUrl, "?view=Errors")).QuerySelector("#errors")!.TextContent;

        Assert.Contains("Roles: this user holds the Edit QM Views permission, which you do not have, so only a tenant administrator can edit or clear this user.", errors, StringComparison.Ordinal);
        Assert.Null((await steps.ApplyAsync(previewUrl)).ResultUrl);
        Assert.Equal(before, await steps.ExportBytesAsync());
    }

    [Fact] // R-SEC-6: a password-less tenant administrator does not count; the tenant keeps one who can sign in
    public async Task A_tenant_administrator_cannot_lock_the_tenant_out_of_itself()
    {
        using var admin = await app.SignInAsync(TestAccounts.Admin);
        var steps = new ImportSteps(admin);
        var roleName = await TenantAdministratorRoleAsync();
        var created = $"0,Password,Less,password.less@example.com,{roleName}\r\n";
        var grant = await steps.PreviewAsync(ImportSteps.Utf8("User ID,First Name,Last Name,Email,Roles\r\n" + created));
        Assert.NotNull((await steps.ApplyAsync(grant)).ResultUrl);

        var file = PeopleFile.Parse(await steps.ExportAsync()).Only(TestAccounts.AdminEmail);
        file[file.Rows[0], "Deactivated"] = "2026-06-01";
        var previewUrl = await steps.PreviewAsync(file.ToBytes());
        var errors = (await steps.PreviewPageAsync(previewUrl, "?view=Errors")).QuerySelector("#errors")!.TextContent;

        Assert.Contains("would leave the tenant without an active tenant administrator, one who can sign in", errors, StringComparison.Ordinal);
        Assert.Null((await steps.ApplyAsync(previewUrl)).ResultUrl);
        await using var db = app.CreateDbContext();
        Assert.Null(await db.Users.Where(u => u.Email == TestAccounts.AdminEmail).Select(u => u.Deactivated).SingleAsync());
    }

    private async Task<string> TenantAdministratorRoleAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.Roles.Where(r => r.IsTenantAdministrator).Select(r => r.Name).SingleAsync();
    }

    private async Task<string> CreateUserAsync(string role, string team, bool withPassword)
    {
        await using var db = app.CreateDbContext();
        var home = await db.Teams.Include(t => t.Group).SingleAsync(t => t.Name == team);
        var user = new User
        {
            Email = $"{role.Replace(' ', '.')}.{Guid.NewGuid():N}@example.com".ToLowerInvariant(),
            FirstName = "Second",
            LastName = "Account",
            Team = home,
            MemberGroup = home.Group,
            Roles = await db.Roles.Where(r => r.Name == role).ToListAsync(),
            ScopeTeams = await db.Teams.Where(t => DemoTenant.SupervisorScopeTeams.Contains(t.Name)).ToListAsync(),
        };
        if (withPassword)
        {
            user.PasswordHash = new PasswordHasher<User>().HashPassword(user, TestAccounts.DemoPassword);
        }

        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Email;
    }
}
