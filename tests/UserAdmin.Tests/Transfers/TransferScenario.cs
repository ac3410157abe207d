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

    private TransferScenario(TestDatabase database, int source, int target, int bystander, long parentEvaluationId)
    {
        _database = database;
        Source = source;
        Target = target;
        Bystander = bystander;
        ParentEvaluationId = parentEvaluationId;
    }

    public int Source { get; }

    public int Target { get; }

    public int Bystander { get; }

    /// <summary>The bystander's evaluation that sample comments are written on.</summary>
    public long ParentEvaluationId { get; }

    public static async Task<TransferScenario> CreateAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        var users = new[] { NewUser("Sam", "Source"), NewUser("Tess", "Target"), NewUser("Bea", "Bystander") };
        db.Users.AddRange(users);
        await db.SaveChangesAsync();
        var parent = new Evaluation { EvaluatorUserId = users[2].Id, ApproverUserId = users[2].Id, FormName = "Parent", EvaluatedAt = NodaTime.Instant.FromUtc(2026, 1, 1, 0, 0) };
        db.Evaluations.Add(parent);
        await db.SaveChangesAsync();
        return new TransferScenario(database, users[0].Id, users[1].Id, users[2].Id, parent.Id);
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
        db.AddRange(SampleRows.For(type, Source, Bystander, sourceRows, ParentEvaluationId));
        db.AddRange(SampleRows.For(type, Target, Bystander, targetRows, ParentEvaluationId));
        db.AddRange(SampleRows.For(type, Bystander, Bystander, bystanderRows, ParentEvaluationId));
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
