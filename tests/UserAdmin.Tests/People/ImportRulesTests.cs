using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.DemoData;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.People;

/// <summary>R-TZ, R-SEC-2 and R-SEC-3 as the import applies them.</summary>
[Collection(AppTestGroup.Name)]
public sealed class ImportRulesTests(ImportRulesTests.App app) : IClassFixture<ImportRulesTests.App>
{
    public sealed class App : UserAdminAppFactory;

    private const string Header = "User ID,First Name,Last Name,Email,Display Time Zone,Scheduling Time Zone";

    /// <summary>The seed's "Time zone names" section, copied verbatim (columns, no-break spaces and all).</summary>
    private static List<string> SeedTimeZoneNames() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TimeZones", "seed-time-zone-names.txt"))
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(chunk => chunk.Split('\u00A0', StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    [Fact] // R-TZ: each of the seed's 615 names is accepted, in any letter case, and stored in the seed's spelling
    public async Task Every_seed_time_zone_name_is_imported()
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);
        var steps = new ImportSteps(client);
        var names = SeedTimeZoneNames();
        var rows = names.Select((name, i) => $"0,Zone,User{i},zone.{i}@example.com,{name.ToLowerInvariant()},{name}\r\n");

        var previewUrl = await steps.PreviewAsync(ImportSteps.Utf8(Header + "\r\n" + string.Concat(rows)));
        var preview = await steps.PreviewPageAsync(previewUrl);
        Assert.Equal("0", preview.QuerySelector("#count-invalid")!.TextContent);
        Assert.Null((await steps.ApplyAsync(previewUrl)).Error);

        await using var db = app.CreateDbContext();
        var stored = await db.Users.Where(u => u.LastName.StartsWith("User") && u.FirstName == "Zone").Select(u => u.DisplayTimeZone).ToListAsync();
        Assert.Equal(615, names.Count);
        Assert.Equal(names.Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
    }

    [Fact] // R-TZ: an unknown name is a row error that suggests the closest valid name
    public async Task An_unknown_time_zone_suggests_the_closest_name()
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);
        var steps = new ImportSteps(client);
        var text = Header + "\r\n0,Tz,Typo,tz.typo@example.com,Europe/Berlni,\r\n";

        var preview = await steps.PreviewPageAsync(await steps.PreviewAsync(ImportSteps.Utf8(text)), "?view=Errors");

        Assert.Contains("the closest valid name is \"Europe/Berlin\"", preview.QuerySelector("#errors")!.TextContent, StringComparison.Ordinal);
    }

    [Fact] // R-SEC-2: a supervisor cannot update a user outside their view, nor create one outside it
    public async Task A_supervisor_cannot_reach_outside_their_view()
    {
        await using var db = app.CreateDbContext();
        var outside = await db.Users.Where(u => u.Team != null && !DemoTenant.SupervisorScopeTeams.Contains(u.Team.Name) && u.PasswordHash == null)
            .Select(u => new { u.Id, u.Email }).FirstAsync();
        using var client = await app.SignInAsync(TestAccounts.Supervisor);
        var steps = new ImportSteps(client);
        var text = "User ID,First Name,Last Name,Email,Team\r\n"
            + $"{outside.Id},Out,Side,{outside.Email},Alpha\r\n"
            + "0,New,Outsider,new.outsider@example.com,Charlie\r\n"
            + "0,New,Insider,new.insider@example.com,Alpha\r\n";

        var preview = await steps.PreviewPageAsync(await steps.PreviewAsync(ImportSteps.Utf8(text)), "?view=Errors");
        var errors = preview.QuerySelector("#errors")!.TextContent;

        Assert.Contains($"there is no user with User ID {outside.Id} in your view", errors, StringComparison.Ordinal);
        Assert.Contains("the user would be outside your view", errors, StringComparison.Ordinal);
        Assert.Equal("1", preview.QuerySelector("#count-new")!.TextContent);
    }

    [Fact] // R-SEC-3: a supervisor cannot grant the tenant-administrator role or change a tenant administrator
    public async Task Only_tenant_administrators_grant_the_tenant_administrator_role()
    {
        await using (var db = app.CreateDbContext())
        {
            Assert.True(await db.Roles.AnyAsync(r => r.IsTenantAdministrator));
        }

        var adminRole = await RoleNameAsync();
        using var client = await app.SignInAsync(TestAccounts.Supervisor);
        var steps = new ImportSteps(client);
        var text = $"User ID,First Name,Last Name,Email,Team,Roles\r\n0,Sneaky,Grant,sneaky.grant@example.com,Alpha,{adminRole}\r\n";

        var preview = await steps.PreviewPageAsync(await steps.PreviewAsync(ImportSteps.Utf8(text)), "?view=Errors");

        Assert.Contains("only a tenant administrator can grant or remove a tenant-administrator role", preview.QuerySelector("#errors")!.TextContent, StringComparison.Ordinal);
    }

    [Fact] // R-SEC-3: an import never leaves the tenant without an active tenant administrator
    public async Task The_last_tenant_administrator_cannot_be_removed()
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);
        var steps = new ImportSteps(client);
        var export = PeopleFile.Parse(await steps.ExportAsync());
        var adminRole = await RoleNameAsync();
        var admins = export.Rows.Where(r => export[r, "Roles"].Contains(adminRole, StringComparison.Ordinal)).ToList();
        var file = new PeopleFile(export.Headers, admins);
        foreach (var row in file.Rows)
        {
            file[row, "Deactivated"] = "2026-01-01";
        }

        var preview = await steps.PreviewPageAsync(await steps.PreviewAsync(file.ToBytes()), "?view=Errors");

        Assert.Contains("without an active tenant administrator", preview.QuerySelector("#errors")!.TextContent, StringComparison.Ordinal);
    }

    private async Task<string> RoleNameAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.Roles.Where(r => r.IsTenantAdministrator).Select(r => r.Name).FirstAsync();
    }
}
