using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UserAdmin.Core.DemoData;
using UserAdmin.Core.Users;
using UserAdmin.Tests.Infrastructure;
using UserAdmin.Tests.People;
using UserAdmin.Tests.Transfers;

namespace UserAdmin.Tests.Api;

/// <summary>
/// R-API-1, R-SEC-2: a token never reaches beyond its owner's view. Owners with different permissions and
/// views × every endpoint: each answer is what the owner's permissions allow, and no answer shows or
/// touches a user outside the owner's view.
/// </summary>
[Collection(AppTestGroup.Name)]
public sealed class ApiPrivilegeMatrixTests(ApiPrivilegeMatrixTests.App app) : IClassFixture<ApiPrivilegeMatrixTests.App>
{
    public sealed class App : UserAdminAppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Api:RequestsPerMinute", "100000")];

        /// <summary>An import and a transfer run by the tenant administrator, for the others to try to read.</summary>
        public (int ImportId, int RunId)? Others { get; set; }
    }

    /// <summary>Owner name → (role, full scope, scope teams); the demo accounts keep their own.</summary>
    private static readonly Dictionary<string, (string Role, bool FullScope, string[] Teams)> MadeOwners = new()
    {
        ["ScopedSupervisor"] = (DemoTenant.SupervisorRoleName, false, ["Charlie"]),
        ["ScopedExporter"] = ("Team Lead", false, ["Delta", "Echo"]),
        ["FullScopeSupervisor"] = (DemoTenant.SupervisorRoleName, true, []),
    };

    public static TheoryData<string> Owners => [nameof(TestAccounts.Admin), nameof(TestAccounts.Supervisor), nameof(TestAccounts.QmAdministrator), nameof(TestAccounts.Agent), .. MadeOwners.Keys];

    [Theory] // R-API-1, R-API-2, R-SEC-2
    [MemberData(nameof(Owners))]
    public async Task A_token_gets_what_its_owner_may_do_and_never_a_user_outside_the_owners_view(string ownerName)
    {
        var (others, tenantFile) = await ArrangeAsync();
        var (account, ownerId) = await OwnerAsync(ownerName);
        using var api = await ApiClient.ForAsync(app, account);
        var (profile, visible) = await ViewOfAsync(ownerId);
        var outsider = await OutsiderAsync(visible);

        // Export: exactly the owner's view.
        using (var export = await api.GetAsync("/api/v1/people.csv"))
        {
            if (await Refused(export, profile, Permissions.ExportUsers))
            {
                var ids = PeopleFile.Parse(await export.Content.ReadAsStringAsync()).Rows.Select(r => int.Parse(r[0], CultureInfo.InvariantCulture)).ToHashSet();
                Assert.True(visible.SetEquals(ids), $"{ownerName}'s export is not their view");
            }
        }

        // Import dry run of every user in the tenant: each user outside the view is a row error, never a change.
        using (var dryRun = await api.PostFileAsync("/api/v1/people/imports", tenantFile.ToBytes(), ("dryRun", "true")))
        {
            if (await Refused(dryRun, profile, Permissions.AssignUserRoles))
            {
                var plan = await ApiClient.ReadAsync(dryRun, HttpStatusCode.OK);
                var lines = tenantFile.Rows.Select((r, i) => (Id: int.Parse(r[0], CultureInfo.InvariantCulture), Line: i + 2)).Where(r => !visible.Contains(r.Id)).Select(r => r.Line).ToHashSet();
                var errorLines = plan.GetProperty("errors").EnumerateArray().Where(e => e.TryGetProperty("line", out var l) && l.ValueKind == JsonValueKind.Number).Select(e => e.GetProperty("line").GetInt32()).ToHashSet();
                var changedIds = plan.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("userId")).Where(u => u.ValueKind == JsonValueKind.Number).Select(u => u.GetInt32());
                Assert.Empty(lines.Except(errorLines)); // every user outside the view is an error on its line
                Assert.Equal(profile.SeesEveryone, lines.Count == 0); // a scoped owner's file does reach outside the view
                Assert.All(changedIds, id => Assert.Contains(id, visible));
                var counts = plan.GetProperty("counts");
                Assert.True(counts.GetProperty("updated").GetInt32() + counts.GetProperty("unchanged").GetInt32() <= visible.Count);
            }
        }

        // Import of a change to a user outside the view: refused, nothing written.
        if (outsider is { } outside)
        {
            var row = tenantFile.Rows.Single(r => r[0] == outside.ToString(CultureInfo.InvariantCulture));
            var file = new PeopleFile(tenantFile.Headers, [row.Select((cell, i) => tenantFile.Headers[i] == "Last Name" ? "Escalated" : cell)]);
            using var apply = await api.PostFileAsync("/api/v1/people/imports", file.ToBytes());
            if (await Refused(apply, profile, Permissions.AssignUserRoles))
            {
                await ApiClient.ReadAsync(apply, HttpStatusCode.UnprocessableEntity);
            }

            await using var db = app.CreateDbContext();
            Assert.NotEqual("Escalated", await db.Users.Where(u => u.Id == outside).Select(u => u.LastName).SingleAsync());

            // Bulk dry run with the outsider as the source of a pair: the pair is an error.
            var target = visible.Where(id => id != ownerId && id > 4).DefaultIfEmpty(ownerId).First();
            using var bulk = await api.PostFileAsync("/api/v1/transfers/bulk", ImportSteps.Utf8($"From User ID,To User ID\r\n{target},{outside}\r\n"), ("dryRun", "true"));
            if (await Refused(bulk, profile, Permissions.TransferUserData))
            {
                var plan = await ApiClient.ReadAsync(bulk, HttpStatusCode.OK);
                Assert.False(plan.GetProperty("canRun").GetBoolean());
                Assert.DoesNotContain(await db.Users.Where(u => u.Id == outside).Select(u => u.FirstName).SingleAsync(), plan.GetRawText(), StringComparison.Ordinal);
            }
        }

        // Another administrator's import (R-SEC-8) and transfer (runs of others only for those who see everyone).
        using (var import = await api.GetAsync($"/api/v1/people/imports/{others.ImportId}"))
        {
            if (await Refused(import, profile, Permissions.AssignUserRoles))
            {
                await ApiClient.ReadAsync(import, profile.IsTenantAdministrator ? HttpStatusCode.OK : HttpStatusCode.NotFound);
            }
        }

        using (var run = await api.GetAsync($"/api/v1/transfers/{others.RunId}"))
        {
            if (await Refused(run, profile, Permissions.TransferUserData))
            {
                await ApiClient.ReadAsync(run, profile.SeesEveryone ? HttpStatusCode.OK : HttpStatusCode.NotFound);
            }
        }
    }

    /// <summary>True when the owner holds <paramref name="permission"/>; otherwise asserts the 403 problem detail naming it.</summary>
    private static async Task<bool> Refused(HttpResponseMessage response, AdministratorProfile profile, Permissions permission)
    {
        if (profile.Has(permission))
        {
            return true;
        }

        var problem = await ApiClient.ReadAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains(PermissionNames.Of(permission), ApiClient.Detail(problem), StringComparison.Ordinal);
        return false;
    }

    private async Task<((int ImportId, int RunId) Others, PeopleFile TenantFile)> ArrangeAsync()
    {
        using var admin = await ApiClient.ForAsync(app, TestAccounts.Admin, "arrange");
        using var export = await admin.GetAsync("/api/v1/people.csv");
        var tenantFile = PeopleFile.Parse(await export.Content.ReadAsStringAsync()).WithoutColumn("QM Views");
        if (app.Others is { } others)
        {
            return (others, tenantFile);
        }

        using var import = await admin.PostFileAsync("/api/v1/people/imports", tenantFile.Only(DemoTenant.AgentEmail).ToBytes());
        var importId = (await ApiClient.ReadAsync(import, HttpStatusCode.Accepted)).GetProperty("id").GetInt32();
        await admin.FinishedImportAsync($"/api/v1/people/imports/{importId}");
        using var bulk = await admin.PostFileAsync("/api/v1/transfers/bulk", BulkAgents.File(await BulkAgents.AddAsync(app, 1, "matrix")));
        var runId = (await ApiClient.ReadAsync(bulk, HttpStatusCode.Accepted)).GetProperty("id").GetInt32();
        await admin.FinishedTransferAsync($"/api/v1/transfers/{runId}");

        app.Others = (importId, runId);
        return (app.Others.Value, tenantFile);
    }

    private async Task<(TestAccount Account, int UserId)> OwnerAsync(string name)
    {
        if (MadeOwners.TryGetValue(name, out var made))
        {
            return await TokenOwners.AddAsync(app, name + Guid.NewGuid().ToString("N")[..6], made.Role, made.FullScope, made.Teams);
        }

        var account = name switch
        {
            nameof(TestAccounts.Admin) => TestAccounts.Admin,
            nameof(TestAccounts.Supervisor) => TestAccounts.Supervisor,
            nameof(TestAccounts.QmAdministrator) => TestAccounts.QmAdministrator,
            _ => TestAccounts.Agent,
        };
        await using var db = app.CreateDbContext();
        var key = User.NormalizeKey(account.EmailOrLogin);
        return (account, await db.Users.Where(u => u.NormalizedEmail == key).Select(u => u.Id).SingleAsync());
    }

    private async Task<(AdministratorProfile Profile, HashSet<int> Visible)> ViewOfAsync(int userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var profile = (await scope.ServiceProvider.GetRequiredService<AdministratorProfiles>().LoadAsync(userId))!;
        var visible = await scope.ServiceProvider.GetRequiredService<UserViewScope>().VisibleUsers(profile).Select(u => u.Id).ToListAsync();
        return (profile, visible.ToHashSet());
    }

    private async Task<int?> OutsiderAsync(HashSet<int> visible)
    {
        await using var db = app.CreateDbContext();
        var candidates = await db.Users.Where(u => u.Id > 4 && u.PasswordHash == null).OrderBy(u => u.Id).Select(u => u.Id).ToListAsync();
        return candidates.Cast<int?>().FirstOrDefault(id => !visible.Contains(id!.Value));
    }
}
