using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Users;
using UserAdmin.Tests.Infrastructure;
using UserAdmin.Tests.People;

namespace UserAdmin.Tests.Privileges;

/// <summary>
/// R-SEC-5 (with R-SEC-3): every demo administrator × every privilege field × their own row, a peer's row, a row
/// of a user holding more, and a tenant administrator's row, imported through the real wizard and compared with
/// <see cref="EscalationOracle"/>. Refused rows name the field and leave the database as it was.
/// </summary>
[Collection(AppTestGroup.Name)]
public sealed class EscalationMatrixTests(EscalationMatrixTests.App app) : IClassFixture<EscalationMatrixTests.App>
{
    public sealed class App : UserAdminAppFactory
    {
        private readonly ConcurrentDictionary<string, TestClient> _clients = new();

        public static readonly ConcurrentQueue<string> Table = new();

        /// <summary>One signed-in session per administrator for the whole matrix.</summary>
        public async Task<TestClient> ClientOfAsync(string importer)
        {
            if (!_clients.TryGetValue(importer, out var client))
            {
                client = await SignInAsync(Importers[importer]);
                _clients[importer] = client;
            }

            return client;
        }

        protected override void Dispose(bool disposing)
        {
            WriteTable();
            foreach (var client in _clients.Values)
            {
                client.Dispose();
            }

            base.Dispose(disposing);
        }

        // The matrix as a table for people (TestResults/escalation-matrix.md): who, field, row, outcome.
        private static void WriteTable()
        {
            if (Table.IsEmpty)
            {
                return;
            }

            var directory = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "TestResults");
            Directory.CreateDirectory(directory);
            var lines = Table.Order(StringComparer.Ordinal).Prepend("|---|---|---|---|").Prepend("| who | field | row | outcome |");
            File.WriteAllLines(Path.Combine(directory, "escalation-matrix.md"), lines);
        }
    }

    private static readonly Dictionary<string, TestAccount> Importers = new()
    {
        ["supervisor"] = TestAccounts.Supervisor,
        ["QM administrator"] = TestAccounts.QmAdministrator,
        ["second supervisor"] = TestAccounts.SecondSupervisor,
        ["tenant administrator"] = TestAccounts.Admin,
    };

    private static readonly PrivilegeChange[] Changes =
    [
        new("Roles", "Tenant Administrator"),
        new("Roles", "Supervisor"),
        new("Roles", "QM Administrator"),
        new("Roles", "Agent"),
        new("Roles", "Team Lead"),
        new("Full Scope", null),
        new("Scope Teams", "Alpha"),
        new("Scope Teams", "Echo"),
        new("Scope Groups", "North"),
        new("Scope Groups", "Central"),
    ];

    private static readonly string[] Rows = ["own", "peer", "holds more", "tenant administrator"];

    public static TheoryData<string, int, string> Cases()
    {
        var cases = new TheoryData<string, int, string>();
        foreach (var importer in Importers.Keys)
        {
            for (var change = 0; change < Changes.Length; change++)
            {
                foreach (var row in Rows)
                {
                    cases.Add(importer, change, row);
                }
            }
        }

        return cases;
    }

    [Theory] // R-SEC-5, R-SEC-3
    [MemberData(nameof(Cases))]
    public async Task An_import_gives_only_what_the_importer_holds(string importer, int changeIndex, string row)
    {
        var change = Changes[changeIndex];
        var client = await app.ClientOfAsync(importer);
        var steps = new ImportSteps(client);
        var (importerId, importerHolding) = await HoldingOfAsync(Importers[importer].EmailOrLogin);
        var roles = await RolesAsync();
        var (targetId, targetEmail) = row == "own" ? (importerId, Importers[importer].EmailOrLogin) : await CreateTargetAsync(row, importerHolding);
        var (_, before) = await HoldingOfAsync(targetEmail);
        var versionBefore = await VersionOfAsync(targetId);
        var expected = new EscalationOracle(roles).Expect(importerHolding, row == "own", before, change);

        var file = PeopleFile.Parse(await steps.ExportAsync()).Only(targetEmail);
        if (!HoldsEditQmViews(importerHolding, roles))
        {
            file = file.WithoutColumn("QM Views"); // R-SEC-1: the whole file would need Edit QM Views
        }

        var wanted = change.ApplyTo(before);
        file[file.Rows[0], change.Field] = change.Field switch
        {
            "Roles" => string.Join(';', wanted.Roles),
            "Full Scope" => "TRUE",
            "Scope Teams" => string.Join(';', wanted.ScopeTeams),
            _ => string.Join(';', wanted.ScopeGroups),
        };
        var previewUrl = await steps.PreviewAsync(file.ToBytes());
        var preview = await steps.PreviewPageAsync(previewUrl, "?view=Errors");
        var errors = preview.QuerySelector("#errors")!.TextContent;
        var (resultUrl, applyError) = await steps.ApplyAsync(previewUrl);
        var (_, after) = await HoldingOfAsync(targetEmail);

        var shown = preview.QuerySelector("#count-invalid")!.TextContent == "1" ? "refused" : preview.QuerySelector("#count-unchanged")!.TextContent == "1" ? "unchanged" : "applied";
        App.Table.Enqueue($"| {importer} | {change} | {row} | {shown}{(shown == "refused" ? " (" + RefusedFields(errors) + ")" : "")} |");
        Assert.True(expected.Kind == shown, $"{importer}, {change}, {row}: expected {expected}, the preview shows {shown}: {errors}");
        switch (expected.Kind)
        {
            case "refused":
                foreach (var field in expected.RefusedFields)
                {
                    Assert.Contains(field + ":", errors, StringComparison.Ordinal);
                }

                Assert.Null(resultUrl);
                Assert.NotNull(applyError);
                Assert.Equal(versionBefore, await VersionOfAsync(targetId));
                Assert.Equivalent(before, after);
                break;
            case "applied":
                Assert.True(resultUrl is not null, applyError);
                Assert.Equivalent(wanted, after);
                break;
            default:
                Assert.True(resultUrl is not null, applyError);
                Assert.Equal(versionBefore, await VersionOfAsync(targetId));
                break;
        }
    }

    private static string RefusedFields(string errors) =>
        string.Join(", ", new[] { "Roles", "Full Scope", "Scope Teams", "Scope Groups" }.Where(f => errors.Contains(f + ":", StringComparison.Ordinal)));

    private static bool HoldsEditQmViews(Holding holding, IReadOnlyDictionary<string, (Permissions Permissions, bool TenantAdministrator)> roles) =>
        holding.Roles.Any(r => roles[r].TenantAdministrator || roles[r].Permissions.HasFlag(Permissions.EditQmViews));

    /// <summary>A new user in the importer's view: the importer's twin (peer), one holding every permission and Full Scope, or a tenant administrator.</summary>
    private async Task<(int Id, string Email)> CreateTargetAsync(string row, Holding importer)
    {
        await using var db = app.CreateDbContext();
        var team = await db.Teams.Include(t => t.Group).FirstAsync(t => t.Name == (importer.ScopeTeams.FirstOrDefault() ?? "Alpha"));
        var holding = row switch
        {
            "peer" => importer,
            "holds more" => new Holding(new HashSet<string> { "Supervisor", "QM Administrator", "Team Lead" }, true, new HashSet<string>(), new HashSet<string>()),
            _ => new Holding(new HashSet<string> { "Tenant Administrator" }, false, new HashSet<string>(), new HashSet<string>()),
        };
        var user = new User
        {
            Email = $"target.{Guid.NewGuid():N}@example.com",
            FirstName = "Target",
            LastName = row,
            Team = team,
            MemberGroup = team.Group,
            FullScope = holding.FullScope,
            Roles = await db.Roles.Where(r => holding.Roles.Contains(r.Name)).ToListAsync(),
            ScopeTeams = await db.Teams.Where(t => holding.ScopeTeams.Contains(t.Name)).ToListAsync(),
            ScopeGroups = await db.Groups.Where(g => holding.ScopeGroups.Contains(g.Name)).ToListAsync(),
        };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return (user.Id, user.Email);
    }

    private async Task<(int Id, Holding Holding)> HoldingOfAsync(string email)
    {
        await using var db = app.CreateDbContext();
        var user = await db.Users.AsNoTracking().Where(u => u.Email == email)
            .Select(u => new
            {
                u.Id,
                u.FullScope,
                Roles = u.Roles.Select(r => r.Name).ToList(),
                Teams = u.ScopeTeams.Select(t => t.Name).ToList(),
                Groups = u.ScopeGroups.Select(g => g.Name).ToList(),
            })
            .SingleAsync();
        return (user.Id, new Holding(
            user.Roles.ToHashSet(StringComparer.OrdinalIgnoreCase), user.FullScope,
            user.Teams.ToHashSet(StringComparer.OrdinalIgnoreCase), user.Groups.ToHashSet(StringComparer.OrdinalIgnoreCase)));
    }

    private async Task<Guid> VersionOfAsync(int userId)
    {
        await using var db = app.CreateDbContext();
        return await db.Users.Where(u => u.Id == userId).Select(u => u.Version).SingleAsync();
    }

    private async Task<IReadOnlyDictionary<string, (Permissions Permissions, bool TenantAdministrator)>> RolesAsync()
    {
        await using var db = app.CreateDbContext();
        return (await db.Roles.AsNoTracking().ToListAsync()).ToDictionary(r => r.Name, r => (r.Permissions, r.IsTenantAdministrator), StringComparer.OrdinalIgnoreCase);
    }
}
