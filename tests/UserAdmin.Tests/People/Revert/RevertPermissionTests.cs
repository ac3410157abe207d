using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.DemoData;
using UserAdmin.Core.Users;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.People.Revert;

/// <summary>
/// R-UNDO-2 with R-SEC-1..8: a revert follows the rules of an import. Every kind of administrator tries to revert an
/// import of every kind of importer; an importer whose view shrank since is refused with the reason, in words.
/// </summary>
[Collection(AppTestGroup.Name)]
public sealed class RevertPermissionTests(RevertPermissionTests.App app) : IClassFixture<RevertPermissionTests.App>
{
    /// <summary>Enough plain agents in team Alpha for every case to rename one of its own.</summary>
    public sealed class App() : UserAdminAppFactory(demoUsers: 200);

    public enum Expected
    {
        Reverted,
        NotFound,
        Forbidden,
    }

    public static TheoryData<string, string, Expected> Matrix() => new()
    {
        // R-SEC-8: an import's page (and so its revert) is its importer's and the tenant administrators'; R-SEC-1: no AssignUserRoles, no revert.
        { nameof(TestAccounts.Admin), nameof(TestAccounts.Admin), Expected.Reverted },
        { nameof(TestAccounts.Admin), nameof(TestAccounts.Supervisor), Expected.NotFound },
        { nameof(TestAccounts.Admin), nameof(TestAccounts.SecondSupervisor), Expected.NotFound },
        { nameof(TestAccounts.Admin), nameof(TestAccounts.QmAdministrator), Expected.NotFound },
        { nameof(TestAccounts.Admin), nameof(TestAccounts.Agent), Expected.Forbidden },
        { nameof(TestAccounts.Supervisor), nameof(TestAccounts.Admin), Expected.Reverted },
        { nameof(TestAccounts.Supervisor), nameof(TestAccounts.Supervisor), Expected.Reverted },
        { nameof(TestAccounts.Supervisor), nameof(TestAccounts.SecondSupervisor), Expected.NotFound },
        { nameof(TestAccounts.Supervisor), nameof(TestAccounts.QmAdministrator), Expected.NotFound },
        { nameof(TestAccounts.Supervisor), nameof(TestAccounts.Agent), Expected.Forbidden },
    };

    [Theory] // R-UNDO-2, R-SEC-1, R-SEC-2, R-SEC-8
    [MemberData(nameof(Matrix))]
    public async Task A_revert_is_allowed_exactly_to_those_who_may_see_the_import(string importer, string reverter, Expected expected)
    {
        var (importId, userId, original) = await ImportRenamingAnAlphaAgentAsync(Account(importer));
        using var client = await app.SignInAsync(Account(reverter));
        var steps = new RevertSteps(client);

        using var page = await client.GetAsync(RevertSteps.RevertUrl(importId));
        if (expected == Expected.Reverted)
        {
            var (revertId, error) = await steps.RevertAsync(importId);
            Assert.True(error is null, error);
            Assert.NotNull(revertId);
        }
        else
        {
            Assert.Equal(expected == Expected.NotFound ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden, page.StatusCode);
            var token = await client.AntiforgeryTokenFromAsync("/");
            using var post = await client.Http.PostAsync(new Uri(RevertSteps.RevertUrl(importId), UriKind.Relative),
                new FormUrlEncodedContent([new("draft", Guid.NewGuid().ToString()), new("__RequestVerificationToken", token)]));
            Assert.Equal(page.StatusCode, post.StatusCode); // checked on the server, not only by hiding the button
        }

        await using var db = app.CreateDbContext();
        Assert.Equal(expected == Expected.Reverted ? original : "Imported", (await db.Users.SingleAsync(u => u.Id == userId)).FirstName);
    }

    [Fact] // R-UNDO-2, R-SEC-2: an importer who could no longer make the import is refused, with the reason in words
    public async Task A_revert_by_an_importer_whose_view_no_longer_holds_the_users_is_refused_with_the_reason()
    {
        var (importId, userId, _) = await ImportRenamingAnAlphaAgentAsync(TestAccounts.Supervisor);
        await SetSupervisorAlphaScopeAsync(present: false);
        try
        {
            using var client = await app.SignInAsync(TestAccounts.Supervisor);
            var steps = new RevertSteps(client);
            var preview = await steps.PreviewAsync(importId);

            var reason = preview.QuerySelector("#cannot-revert")!.TextContent;
            Assert.Contains("you could not make all of its changes yourself", reason, StringComparison.Ordinal);
            Assert.Contains($"there is no user with User ID {userId} in your view", reason, StringComparison.Ordinal);
            Assert.True(preview.QuerySelector<IHtmlButtonElement>("#apply")!.IsDisabled);
            var (revertId, error) = await steps.RevertAsync(importId); // posted anyway: the server refuses it too
            Assert.Null(revertId);
            Assert.Contains($"there is no user with User ID {userId} in your view", error, StringComparison.Ordinal);
            await using var db = app.CreateDbContext();
            Assert.Equal("Imported", (await db.Users.SingleAsync(u => u.Id == userId)).FirstName);
        }
        finally
        {
            await SetSupervisorAlphaScopeAsync(present: true);
        }
    }

    [Fact] // R-SEC-4: the revert's POSTs are antiforgery-protected
    public async Task A_revert_posted_without_its_antiforgery_token_is_refused()
    {
        var (importId, userId, _) = await ImportRenamingAnAlphaAgentAsync(TestAccounts.Admin);
        using var client = await app.SignInAsync(TestAccounts.Admin);
        var draft = (await client.GetDocumentAsync(RevertSteps.RevertUrl(importId))).QuerySelector<IHtmlInputElement>("#apply-form input[name=draft]")!.Value;

        using var apply = await client.Http.PostAsync(new Uri(RevertSteps.RevertUrl(importId), UriKind.Relative), new FormUrlEncodedContent([new("draft", draft)]));
        using var include = await client.Http.PostAsync(new Uri(RevertSteps.RevertUrl(importId) + "/include", UriKind.Relative), new FormUrlEncodedContent([new("include", "1")]));

        Assert.Equal(HttpStatusCode.BadRequest, apply.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, include.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.Equal("Imported", (await db.Users.SingleAsync(u => u.Id == userId)).FirstName);
    }

    private static TestAccount Account(string name) => name switch
    {
        nameof(TestAccounts.Admin) => TestAccounts.Admin,
        nameof(TestAccounts.Supervisor) => TestAccounts.Supervisor,
        nameof(TestAccounts.SecondSupervisor) => TestAccounts.SecondSupervisor,
        nameof(TestAccounts.QmAdministrator) => TestAccounts.QmAdministrator,
        _ => TestAccounts.Agent,
    };

    /// <summary>An import by <paramref name="importer"/> of one row renaming a plain agent of team Alpha (the supervisor's view).</summary>
    private async Task<(int ImportId, int UserId, string Original)> ImportRenamingAnAlphaAgentAsync(TestAccount importer)
    {
        using var client = await app.SignInAsync(importer);
        var steps = new RevertSteps(client);
        var file = PeopleFile.Parse(await steps.Import.ExportAsync()).WithoutColumn("QM Views");
        await using var db = app.CreateDbContext();
        var agent = await db.Users.AsNoTracking()
            .Where(u => u.Id > 4 && u.PasswordHash == null && u.Team!.Name == DemoTenant.SupervisorScopeTeams[0] && u.Roles.All(r => r.Name == DemoTenant.AgentRoleName) && u.FirstName != "Imported")
            .OrderBy(u => u.Id).FirstAsync();
        var row = file.Rows.Single(r => file[r, "User ID"] == agent.Id.ToString(CultureInfo.InvariantCulture));
        file[row, "First Name"] = "Imported";
        return (await steps.ImportAsync(file.Only(agent.Email)), agent.Id, agent.FirstName);
    }

    private async Task SetSupervisorAlphaScopeAsync(bool present)
    {
        await using var db = app.CreateDbContext();
        var supervisor = await db.Users.SingleAsync(u => u.Email == DemoTenant.SupervisorEmail);
        var alpha = await db.Teams.SingleAsync(t => t.Name == DemoTenant.SupervisorScopeTeams[0]);
        if (present)
        {
            db.UserScopeTeams.Add(new UserScopeTeam { UserId = supervisor.Id, TeamId = alpha.Id });
            await db.SaveChangesAsync();
        }
        else
        {
            await db.UserScopeTeams.Where(s => s.UserId == supervisor.Id && s.TeamId == alpha.Id).ExecuteDeleteAsync();
        }
    }
}
