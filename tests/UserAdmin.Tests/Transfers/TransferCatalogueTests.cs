using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Transfers;
using UserAdmin.Core.Users;

namespace UserAdmin.Tests.Transfers;

/// <summary>R-TRF-1 and DESIGN 2.3: what the catalogue must cover and how its entries map to the database.</summary>
public sealed class TransferCatalogueTests
{
    public static TheoryData<string> EveryType => [.. TransferCatalogue.All.Select(t => t.Key)];

    [Fact] // DESIGN 2.3: at least ten types, both modes, both modules, one type with several user columns
    public void The_catalogue_is_a_representative_set_of_the_products_data_types()
    {
        var all = TransferCatalogue.All;

        Assert.True(all.Count >= 10, $"{all.Count} types");
        Assert.Equal([TransferModule.Qm, TransferModule.ClassicWfm], all.Select(t => t.Module).Distinct());
        Assert.Equal([TransferMode.Combine, TransferMode.Overwrite], all.Select(t => t.Mode).Distinct());
        Assert.Contains(all, t => t.UserColumns.Count > 1);
        Assert.Equal(all.Count, all.Select(t => t.Key).Distinct().Count());
        Assert.Equal(all.Count, all.Select(t => t.Name).Distinct().Count());
        Assert.Equal(all.Count, all.Select(t => t.EntityType).Distinct().Count());
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
