using UserAdmin.Core.Persistence;
using UserAdmin.Core.Transfers;
using UserAdmin.Core.Transfers.Data;
using UserAdmin.Core.Users;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Transfers;

/// <summary>
/// Three fresh users on a test database: a source, a target and a bystander whose rows no transfer
/// of the pair may touch. Fresh users per test let one database serve a whole test class.
/// </summary>
internal sealed class TransferScenario
{
    private readonly TestDatabase _database;

    private TransferScenario(TestDatabase database, int source, int target, int bystander, SampleParents parents)
    {
        _database = database;
        Source = source;
        Target = target;
        Bystander = bystander;
        Parents = parents;
    }

    public int Source { get; }

    public int Target { get; }

    public int Bystander { get; }

    /// <summary>The bystander's evaluation, contact goal and messaging request that sample child rows belong to.</summary>
    public SampleParents Parents { get; }

    public static async Task<TransferScenario> CreateAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        var users = new[] { NewUser("Sam", "Source"), NewUser("Tess", "Target"), NewUser("Bea", "Bystander") };
        db.Users.AddRange(users);
        await db.SaveChangesAsync();
        var bystander = users[2].Id;
        var evaluation = new Evaluation { EvaluatorUserId = bystander, ApproverUserId = bystander, FormName = "Parent", EvaluatedAt = NodaTime.Instant.FromUtc(2026, 1, 1, 0, 0) };
        var goal = new ContactGoal { AgentUserId = bystander, AssignedByUserId = bystander, Name = "Parent", StartsOn = new NodaTime.LocalDate(2026, 1, 1), EndsOn = new NodaTime.LocalDate(2026, 1, 31) };
        var request = new MessagingRequest { RequesterUserId = bystander, Subject = "Parent", Status = "Pending", RequestedAt = NodaTime.Instant.FromUtc(2026, 1, 1, 0, 0) };
        db.AddRange(evaluation, goal, request);
        await db.SaveChangesAsync();
        return new TransferScenario(database, users[0].Id, users[1].Id, bystander, new SampleParents(evaluation.Id, goal.Id, request.Id));
    }

    public static User NewUser(string first, string last, Team? team = null) => new()
    {
        FirstName = first,
        LastName = last,
        Email = $"{first}.{last}.{Guid.NewGuid():N}@example.com",
        Team = team,
        MemberGroup = team?.Group,
    };

    /// <summary>Rows of one type for the source, the target and the bystander (see <see cref="SampleRows.For"/>).</summary>
    public async Task AddRowsAsync(TransferableDataType type, int sourceRows = 3, int targetRows = 2, int bystanderRows = 2)
    {
        await using var db = _database.CreateDbContext();
        db.AddRange(SampleRows.For(type, Source, Bystander, sourceRows, Parents));
        db.AddRange(SampleRows.For(type, Target, Bystander, targetRows, Parents));
        db.AddRange(SampleRows.For(type, Bystander, Bystander, bystanderRows, Parents));
        await db.SaveChangesAsync();
    }

    public async Task AddRowsOfEveryTypeAsync()
    {
        foreach (var type in TransferCatalogue.All)
        {
            await AddRowsAsync(type);
        }
    }

    public UserAdminDbContext CreateDbContext() => _database.CreateDbContext();
}
