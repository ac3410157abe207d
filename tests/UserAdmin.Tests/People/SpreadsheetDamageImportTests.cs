using Microsoft.EntityFrameworkCore;
using NodaTime;
using UserAdmin.Core.People.Import;
using UserAdmin.Core.Users;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.People;

/// <summary>
/// R-IMP-13 through the wizard, every kind of damage with both choices: the preview names it with its count
/// and line, "keep the stored values" leaves the user as stored, "import as in file" writes the file's value,
/// and without a choice nothing is written, "import only the valid rows" included.
/// </summary>
[Collection(AppTestGroup.Name)]
public sealed class SpreadsheetDamageImportTests(SpreadsheetDamageImportTests.App app) : IClassFixture<SpreadsheetDamageImportTests.App>
{
    public sealed class App : UserAdminAppFactory;

    /// <summary>One kind of damage: the header it is in, the value stored first, the cell the spreadsheet wrote, and the value that cell imports as.</summary>
    public sealed record Damage(DamageKind Kind, string Header, string Stored, string InFile, string? Imported)
    {
        public override string ToString() => Kind.ToString();
    }

    private static readonly Damage[] Kinds =
    [
        new(DamageKind.LeadingZerosDropped, "Employee ID", "000123", "123", "123"),
        new(DamageKind.ScientificNotation, "ACD ID", "123456789012", "1.23457E+11", "1.23457E+11"),
        new(DamageKind.TextTurnedIntoDate, "ACD Server ID", "1-2", "2024-01-02", "2024-01-02"),
        new(DamageKind.WrongEncoding, "First Name", "José", "JosÃ©", "JosÃ©"),
        new(DamageKind.TwoDigitYear, "Company Start Date", "2024-06-10", "10/06/24", null),
    ];

    public static TheoryData<Damage, DamagedCellsChoice> Cases()
    {
        var cases = new TheoryData<Damage, DamagedCellsChoice>();
        foreach (var damage in Kinds)
        {
            cases.Add(damage, DamagedCellsChoice.KeepStoredValues);
            cases.Add(damage, DamagedCellsChoice.ImportAsInFile);
        }

        return cases;
    }

    [Theory] // R-IMP-13: every kind × both choices
    [MemberData(nameof(Cases))]
    public async Task A_damaged_cell_is_flagged_and_written_only_as_chosen(Damage damage, DamagedCellsChoice choice)
    {
        ArgumentNullException.ThrowIfNull(damage);
        var offset = Array.IndexOf(Kinds, damage) * 2 + (choice == DamagedCellsChoice.KeepStoredValues ? 0 : 1);
        var (client, steps, file, userId) = await ArrangeAsync(offset, damage);
        using var _ = client;
        file[file.Rows[0], damage.Header] = damage.InFile;
        var before = await steps.ExportBytesAsync();

        var previewUrl = await steps.PreviewAsync(file.ToBytes());
        var preview = await steps.PreviewPageAsync(previewUrl);
        var flagged = preview.QuerySelector($"#spreadsheet-damage [data-kind={damage.Kind}]")?.TextContent ?? "";
        Assert.Contains("1 cell:", flagged, StringComparison.Ordinal);
        Assert.Contains($"line 2, {damage.Header}: {damage.Stored} → {damage.InFile}", flagged, StringComparison.Ordinal);
        Assert.StartsWith("1 cells of the file look changed by a spreadsheet", (await steps.ApplyAsync(previewUrl, importValidRowsOnly: true)).Error, StringComparison.Ordinal);
        Assert.Equal(before, await steps.ExportBytesAsync());

        var applied = await steps.ApplyAsync(previewUrl, damagedCells: choice);

        await using var db = app.CreateDbContext();
        var stored = await StoredAsync(db, userId, damage.Header);
        if (choice == DamagedCellsChoice.KeepStoredValues)
        {
            Assert.Null(applied.Error);
            Assert.Equal(before, await steps.ExportBytesAsync());
        }
        else if (damage.Imported is null)
        {
            // Imported as in the file, a two-digit year is what it was before the spreadsheet: not a date.
            Assert.Equal("1 row of the file is invalid. Fix the file and upload it again, or choose to import only the valid rows.", applied.Error);
            Assert.Equal(damage.Stored, stored);
        }
        else
        {
            Assert.Null(applied.Error);
            Assert.Equal(damage.Imported, stored);
        }
    }

    [Fact] // R-IMP-13: a deliberate change beside a damaged cell is still imported when the stored value is kept for the damaged one
    public async Task Keeping_the_stored_values_still_imports_the_deliberate_changes()
    {
        var (client, steps, file, userId) = await ArrangeAsync(10, Kinds[0]);
        using var _ = client;
        file[file.Rows[0], "Employee ID"] = "123";
        file[file.Rows[0], "Work Condition Profile"] = "Night shift";

        var previewUrl = await steps.PreviewAsync(file.ToBytes());
        var preview = await steps.PreviewPageAsync(previewUrl);
        Assert.DoesNotContain("change nothing else", preview.QuerySelector("#spreadsheet-damage")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await steps.ApplyAsync(previewUrl, damagedCells: DamagedCellsChoice.KeepStoredValues)).Error);

        await using var db = app.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.Id == userId);
        Assert.Equal(("000123", "Night shift"), (user.EmployeeId, user.WorkConditionProfile));
    }

    [Fact] // R-IMP-13, R-USR-2: Deactivated 2999-12-31 on a deactivated user is an activation, never a value deleted
    public async Task An_activation_is_listed_as_an_activation_and_not_among_the_values_deleted()
    {
        var (client, steps, file, userId) = await ArrangeAsync(12, null);
        using var _ = client;
        await using (var db = app.CreateDbContext())
        {
            await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.Deactivated, new LocalDate(2026, 1, 31)));
        }

        file[file.Rows[0], "Deactivated"] = "12/31/2999";
        var preview = await steps.PreviewPageAsync(await steps.PreviewAsync(file.ToBytes(), form => form["format.Deactivated"] = "MonthDayYear"));

        Assert.StartsWith("Activated:", preview.QuerySelector("#activations li")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("Deactivated", preview.QuerySelector("#clearings")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Null(preview.QuerySelector("#spreadsheet-damage"));
    }

    /// <summary>A user (the <paramref name="offset"/>th agent) with <paramref name="damage"/>'s value stored, and their row of a fresh export.</summary>
    private async Task<(TestClient Client, ImportSteps Steps, PeopleFile File, int UserId)> ArrangeAsync(int offset, Damage? damage)
    {
        int userId;
        await using (var db = app.CreateDbContext())
        {
            var user = await db.Users.Where(u => u.Id > 4 && u.PasswordHash == null && u.Roles.All(r => !r.IsTenantAdministrator))
                .OrderBy(u => u.Id).Skip(offset).FirstAsync();
            userId = user.Id;
            if (damage is not null)
            {
                Set(user, damage.Header, damage.Stored);
            }

            await db.SaveChangesAsync();
        }

        var client = await app.SignInAsync(TestAccounts.Admin);
        var steps = new ImportSteps(client);
        var file = PeopleFile.Parse(await steps.ExportAsync());
        return (client, steps, new PeopleFile(file.Headers, [file.Rows.Single(r => r[0] == userId.ToString(System.Globalization.CultureInfo.InvariantCulture))]), userId);
    }

    private static void Set(User user, string header, string value)
    {
        switch (header)
        {
            case "Employee ID": user.EmployeeId = value; break;
            case "ACD ID": user.AcdId = value; break;
            case "ACD Server ID": user.AcdServerId = value; break;
            case "First Name": user.FirstName = value; break;
            case "Company Start Date": user.CompanyStartDate = LocalDate.FromDateTime(DateTime.Parse(value, System.Globalization.CultureInfo.InvariantCulture)); break;
            default: throw new ArgumentOutOfRangeException(nameof(header));
        }
    }

    private static async Task<string?> StoredAsync(Core.Persistence.UserAdminDbContext db, int userId, string header)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId);
        return header switch
        {
            "Employee ID" => user.EmployeeId,
            "ACD ID" => user.AcdId,
            "ACD Server ID" => user.AcdServerId,
            "First Name" => user.FirstName,
            "Company Start Date" => user.CompanyStartDate?.ToString("yyyy-MM-dd", null),
            _ => throw new ArgumentOutOfRangeException(nameof(header)),
        };
    }
}
