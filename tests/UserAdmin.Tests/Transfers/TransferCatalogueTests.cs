using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Transfers;
using UserAdmin.Core.Users;

namespace UserAdmin.Tests.Transfers;

/// <summary>R-TRF-1 and DESIGN 2.3: what the catalogue must cover and how its entries map to the database.</summary>
public sealed class TransferCatalogueTests
{
    public static TheoryData<string> EveryType => [.. TransferCatalogue.All.Select(t => t.Key)];

    // DESIGN 2.3's table, one entry per table (productivity data has five): key, module, mode.
    private static readonly (string Key, TransferModule Module, TransferMode Mode)[] Design =
    [
        ("login-states", TransferModule.Qm, TransferMode.Combine),
        ("recording-api-commands", TransferModule.Qm, TransferMode.Combine),
        ("contact-call-records", TransferModule.Qm, TransferMode.Combine),
        ("evaluations", TransferModule.Qm, TransferMode.Combine),
        ("evaluation-comments", TransferModule.Qm, TransferMode.Combine),
        ("contact-goals", TransferModule.Qm, TransferMode.Combine),
        ("contact-goal-progress", TransferModule.Qm, TransferMode.Combine),
        ("storage-files", TransferModule.Qm, TransferMode.Combine),
        ("archive-audit", TransferModule.Qm, TransferMode.Combine),
        ("audit-events", TransferModule.Qm, TransferMode.Combine),
        ("messaging-requests", TransferModule.ClassicWfm, TransferMode.Combine),
        ("messaging-request-comments", TransferModule.ClassicWfm, TransferMode.Combine),
        ("server-requests", TransferModule.ClassicWfm, TransferMode.Combine),
        ("alerts", TransferModule.ClassicWfm, TransferMode.Combine),
        ("views", TransferModule.ClassicWfm, TransferMode.Combine),
        ("workflow-conditions", TransferModule.ClassicWfm, TransferMode.Combine),
        ("vacation-hours", TransferModule.ClassicWfm, TransferMode.Overwrite),
        ("skill-mappings", TransferModule.ClassicWfm, TransferMode.Overwrite),
        ("assigned-exceptions", TransferModule.ClassicWfm, TransferMode.Overwrite),
        ("agent-schedules", TransferModule.ClassicWfm, TransferMode.Overwrite),
        ("projects", TransferModule.ClassicWfm, TransferMode.Overwrite),
        ("work-shifts", TransferModule.ClassicWfm, TransferMode.Overwrite),
        ("productivity-intervals", TransferModule.ClassicWfm, TransferMode.Overwrite),
        ("productivity-days", TransferModule.ClassicWfm, TransferMode.Overwrite),
        ("productivity-weeks", TransferModule.ClassicWfm, TransferMode.Overwrite),
        ("productivity-months", TransferModule.ClassicWfm, TransferMode.Overwrite),
        ("productivity-years", TransferModule.ClassicWfm, TransferMode.Overwrite),
        ("offline-activity-hours", TransferModule.ClassicWfm, TransferMode.Overwrite),
        ("group-day-allocations", TransferModule.ClassicWfm, TransferMode.Overwrite),
        ("historical-activities", TransferModule.ClassicWfm, TransferMode.Overwrite),
        ("work-hours", TransferModule.ClassicWfm, TransferMode.Overwrite),
        ("real-time-state", TransferModule.ClassicWfm, TransferMode.Overwrite),
    ];

    [Fact] // DESIGN 2.3: every type the product documents, with its module and mode, and nothing else
    public void The_catalogue_has_every_type_of_the_product_documentation_with_its_module_and_mode()
    {
        var all = TransferCatalogue.All;

        Assert.Equal(Design.OrderBy(d => d.Key), all.Select(t => (t.Key, t.Module, t.Mode)).OrderBy(d => d.Key));
        Assert.Equal(all.Count, all.Select(t => t.Key).Distinct().Count());
        Assert.Equal(all.Count, all.Select(t => t.Name).Distinct().Count());
        Assert.Equal(all.Count, all.Select(t => t.EntityType).Distinct().Count());
    }

    [Theory, MemberData(nameof(EveryType))] // R-TRF-1: an overwritten type says its unique key in words, a combined one has none
    public void An_overwritten_type_names_its_unique_key_and_a_combined_type_has_none(string key)
    {
        var type = TransferCatalogue.Find(key)!;

        Assert.Equal(type.Mode == TransferMode.Overwrite, !string.IsNullOrWhiteSpace(type.UniqueKey));
        Assert.True(type.UniqueKey is null || type.UniqueKey.StartsWith("one per user", StringComparison.Ordinal), type.UniqueKey);
    }

    [Fact] // DESIGN 2.3: data that names several users moves for each of them
    public void Types_that_name_several_users_list_every_user_column()
    {
        var several = TransferCatalogue.All.Where(t => t.UserColumns.Count > 1).ToDictionary(t => t.Key, t => t.UserColumns);

        Assert.Equal(
            new Dictionary<string, IReadOnlyList<string>>
            {
                ["evaluations"] = ["EvaluatorUserId", "ApproverUserId"],
                ["contact-goals"] = ["AgentUserId", "AssignedByUserId"],
                ["workflow-conditions"] = ["OwnerUserId", "NotifyUserId"],
            },
            several);
    }

    [Fact] // DESIGN 2.3: evaluations move as evaluator and as approver
    public void Evaluations_are_transferred_for_the_evaluator_and_the_approver()
    {
        var evaluations = TransferCatalogue.Find("evaluations")!;

        Assert.Equal(["EvaluatorUserId", "ApproverUserId"], evaluations.UserColumns);
        Assert.Equal(TransferMode.Combine, evaluations.Mode);
    }

    [Theory, MemberData(nameof(EveryType))] // R-TRF-1: every entry is a table whose user columns are indexed foreign keys to Users
    public void Every_user_column_is_an_indexed_foreign_key_to_users(string key)
    {
        using var db = new UserAdminDbContext(DatabaseSetup.OptionsFor(DatabaseProvider.Sqlite, "Data Source=catalogue-check.db"));
        var type = TransferCatalogue.Find(key)!;
        var entity = db.Model.FindEntityType(type.EntityType);

        Assert.NotNull(entity);
        foreach (var column in type.UserColumns)
        {
            var property = entity.FindProperty(column)!;
            Assert.Equal(typeof(int), property.ClrType);
            Assert.Contains(property.GetContainingForeignKeys(), fk => fk.PrincipalEntityType.ClrType == typeof(User));
            Assert.Contains(entity.GetIndexes(), index => index.Properties[0] == property);
        }
    }

    [Theory, MemberData(nameof(EveryType))] // DESIGN 2.3: a unique key on the user makes combining impossible
    public void A_type_with_a_unique_key_on_a_user_column_is_overwritten(string key)
    {
        using var db = new UserAdminDbContext(DatabaseSetup.OptionsFor(DatabaseProvider.Sqlite, "Data Source=catalogue-check.db"));
        var type = TransferCatalogue.Find(key)!;
        var entity = db.Model.FindEntityType(type.EntityType)!;

        var uniqueOnUser = entity.GetIndexes().Any(i => i.IsUnique && i.Properties.Any(p => type.UserColumns.Contains(p.Name)));

        Assert.Equal(uniqueOnUser, type.Mode == TransferMode.Overwrite);
    }

    [Fact]
    public void A_type_is_found_by_its_key_and_an_unknown_key_finds_none()
    {
        Assert.Equal("Skill mappings", TransferCatalogue.Find("skill-mappings")?.Name);
        Assert.Null(TransferCatalogue.Find("Skill-Mappings"));
    }
}
