using NodaTime;
using UserAdmin.Core.Transfers;
using UserAdmin.Core.Users;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Transfers;

/// <summary>R-TRF-3: source and target differ, both are within the view, neither is a tenant administrator.</summary>
public sealed class TransferRulesTests : IClassFixture<TestDatabase>
{
    private readonly TestDatabase _database;
    private readonly People _people;

    public TransferRulesTests(TestDatabase database)
    {
        _database = database;
        _people = People.Create(database);
    }

    [Fact] // R-TRF-3: inactive users may take part
    public async Task A_supervisor_may_transfer_between_two_users_of_their_teams_even_an_inactive_one()
    {
        var reasons = await CheckAsync(_people.Supervisor, _people.John.Id, _people.Inactive.Id);

        Assert.Empty(reasons);
    }

    [Fact] // R-TRF-3
    public async Task The_same_user_as_source_and_target_is_refused()
    {
        var reasons = await CheckAsync(_people.Supervisor, _people.John.Id, _people.John.Id);

        Assert.Equal([$"The source and the target are the same user, John Smith ({_people.John.Id}); choose two different users."], reasons);
    }

    [Fact] // R-TRF-3, R-USR-3
    public async Task A_tenant_administrator_as_target_is_refused_by_name()
    {
        var reasons = await CheckAsync(_people.Supervisor, _people.John.Id, _people.Jenny.Id);

        Assert.Equal([$"Jenny Andrews ({_people.Jenny.Id}) is a tenant administrator; tenant administrators' data cannot be transferred."], reasons);
    }

    [Fact] // R-TRF-3: a tenant administrator may run transfers, but not of a tenant administrator's data
    public async Task A_tenant_administrator_running_the_transfer_cannot_move_a_tenant_administrators_data_either()
    {
        var reasons = await CheckAsync(_people.TenantAdministrator, _people.Jenny.Id, _people.Sam.Id);

        Assert.Equal([$"Jenny Andrews ({_people.Jenny.Id}) is a tenant administrator; tenant administrators' data cannot be transferred."], reasons);
    }

    [Fact] // R-TRF-3, R-SEC-2
    public async Task A_user_outside_the_supervisors_view_is_refused_without_showing_their_name()
    {
        var reasons = await CheckAsync(_people.Supervisor, _people.John.Id, _people.Sam.Id);

        Assert.Equal([$"The target user (ID {_people.Sam.Id}) is not within your view."], reasons);
        Assert.DoesNotContain(reasons, r => r.Contains("Sam", StringComparison.Ordinal));
    }

    [Fact] // R-TRF-3, R-SEC-2
    public async Task A_full_scope_administrator_sees_users_of_every_team()
    {
        var reasons = await CheckAsync(_people.TenantAdministrator, _people.John.Id, _people.Sam.Id);

        Assert.Empty(reasons);
    }

    [Fact] // DESIGN 2.2: TransferUserData
    public async Task An_administrator_without_the_transfer_permission_is_refused()
    {
        var reasons = await CheckAsync(_people.Supervisor with { Permissions = Permissions.ExportUsers }, _people.John.Id, _people.Inactive.Id);

        Assert.Equal([TransferRules.MissingPermission], reasons);
    }

    [Fact]
    public async Task An_unknown_user_is_refused_with_its_id()
    {
        var reasons = await CheckAsync(_people.Supervisor, 987_654, _people.John.Id);

        Assert.Equal(["The source user (ID 987654) does not exist."], reasons);
    }

    [Fact]
    public async Task Every_reason_of_a_pair_is_given_at_once()
    {
        var reasons = await CheckAsync(_people.Supervisor, _people.Sam.Id, _people.Jenny.Id);

        Assert.Equal(2, reasons.Count);
    }

    [Fact] // R-BLK-3 reuses the pair rules for up to 2,000 pairs
    public async Task Many_pairs_are_checked_at_once_in_their_order()
    {
        await using var db = _database.CreateDbContext();
        TransferPair[] pairs = [new(_people.John.Id, _people.Inactive.Id), new(_people.John.Id, _people.Sam.Id), new(_people.Inactive.Id, _people.John.Id)];

        var results = await new TransferRules(db).CheckAsync(_people.Supervisor, pairs);

        Assert.Equal([0, 1, 0], results.Select(r => r.Count));
    }

    [Fact] // R-TRF-3: a refused pair changes nothing
    public async Task Checking_refused_pairs_changes_no_data()
    {
        var scenario = await TransferScenario.CreateAsync(_database);
        await scenario.AddRowsOfEveryTypeAsync();
        await using var db = _database.CreateDbContext();
        var before = await TableContents.SnapshotAsync(db);

        await CheckAsync(_people.Supervisor, scenario.Source, scenario.Target);
        await CheckAsync(_people.Supervisor with { Permissions = Permissions.None }, scenario.Source, scenario.Target);

        Assert.Equal(before, await TableContents.SnapshotAsync(db));
    }

    private async Task<IReadOnlyList<string>> CheckAsync(AdministratorProfile administrator, int source, int target)
    {
        await using var db = _database.CreateDbContext();
        return (await new TransferRules(db).CheckAsync(administrator, source, target)).Select(r => r.Message).ToList();
    }

    /// <summary>The seed's people in two teams, one of them a tenant administrator, and two administrators' profiles.</summary>
    private sealed record People(User John, User Jenny, User Inactive, User Sam, AdministratorProfile Supervisor, AdministratorProfile TenantAdministrator)
    {
        public static People Create(TestDatabase database)
        {
            using var db = database.CreateDbContext();
            var north = new Group { Name = $"North {Guid.NewGuid():N}" };
            var south = new Group { Name = $"South {Guid.NewGuid():N}" };
            var alpha = new Team { Name = $"Alpha {Guid.NewGuid():N}", Group = north };
            var charlie = new Team { Name = $"Charlie {Guid.NewGuid():N}", Group = south };
            var tenantAdministrators = new Role { Name = $"Tenant Administrator {Guid.NewGuid():N}", IsTenantAdministrator = true, Permissions = Permissions.All };
            var john = TransferScenario.NewUser("John", "Smith", alpha);
            var jenny = TransferScenario.NewUser("Jenny", "Andrews", alpha);
            jenny.Roles.Add(tenantAdministrators);
            var inactive = TransferScenario.NewUser("Ivan", "Inactive", alpha);
            inactive.Deactivated = new LocalDate(2020, 1, 1);
            var sam = TransferScenario.NewUser("Sam", "Rodgers", charlie);
            db.Users.AddRange(john, jenny, inactive, sam);
            db.SaveChanges();

            var supervisor = new AdministratorProfile(0, "Maria Lopez", Permissions.TransferUserData, false, false, [], [alpha.Id], []);
            var tenantAdministrator = new AdministratorProfile(0, "Admin", Permissions.All, true, false, [tenantAdministrators.Id], [], []);
            return new People(john, jenny, inactive, sam, supervisor, tenantAdministrator);
        }
    }
}
