using System.Globalization;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.People.Import;
using UserAdmin.Core.People.Revert;
using UserAdmin.Core.Transfers.Data;
using UserAdmin.Core.Users;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.People.Revert;

/// <summary>An import undone from its history (R-UNDO-1, R-UNDO-2), end to end over HTTP, on the app's own export.</summary>
public abstract class ImportRevertScenarios(ImportRevertScenarios.App app)
{
    public class App : UserAdminAppFactory;

    private async Task<(TestClient Client, RevertSteps Steps, PeopleFile File)> ExportedAsync()
    {
        var client = await app.SignInAsync(TestAccounts.Admin);
        var steps = new RevertSteps(client);
        return (client, steps, PeopleFile.Parse(await steps.Import.ExportAsync()));
    }

    [Fact] // R-UNDO-1, R-UNDO-2: the revert leaves the tenant exactly as it was before the import
    public async Task Export_edit_import_revert_gives_back_the_first_export_byte_for_byte()
    {
        var (client, steps, file) = await ExportedAsync();
        using var _ = client;
        var before = await steps.Import.ExportBytesAsync();
        var agents = await AgentIdsAsync(12);
        foreach (var (id, i) in agents.Select((id, i) => (id, i)))
        {
            var row = file.Rows.Single(r => file[r, "User ID"] == id.ToString(CultureInfo.InvariantCulture));
            file[row, "First Name"] = $"Renamed{i}";
            if (i < 4)
            {
                file[row, "Roles"] = "Agent;Supervisor";
            }
        }

        foreach (var row in file.Rows)
        {
            file[row, "ACD ID"] = ""; // a cleared column: blank means delete (R-IMP-5)
        }

        for (var i = 0; i < 50; i++)
        {
            file.AddRow(("User ID", "0"), ("First Name", "New"), ("Last Name", $"Person{i}"), ("Email", $"new.person{i}@example.com"),
                ("Roles", "Agent"), ("Team", "Alpha"), ("Skill Mappings", "Sales"), ("Enable Scheduling", "TRUE"), ("Full Scope", "FALSE"));
        }

        var importId = await steps.ImportAsync(file);
        Assert.NotEqual(before, await steps.Import.ExportBytesAsync());

        var preview = await steps.PreviewAsync(importId);
        Assert.Equal("50", preview.QuerySelector("#count-deleted")!.TextContent);
        Assert.Equal("0", preview.QuerySelector("#count-invalid")!.TextContent);
        Assert.Contains("No user of the import changed since it", preview.QuerySelector("#changed-since")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Renamed0 → ", preview.QuerySelector("#changes")!.TextContent, StringComparison.Ordinal); // old → new, like the import's preview (R-IMP-7)

        var (revertId, error) = await steps.RevertAsync(importId);

        Assert.True(error is null, error);
        Assert.Equal(before, await steps.Import.ExportBytesAsync());
        var original = await client.GetDocumentAsync($"/people/imports/{importId}");
        var revert = await client.GetDocumentAsync($"/people/imports/{revertId}");
        Assert.Equal($"/people/imports/{revertId}", original.QuerySelector("#revert-link")!.GetAttribute("href"));
        Assert.Equal($"/people/imports/{importId}", revert.QuerySelector("#reverted-import-link")!.GetAttribute("href"));
        Assert.Equal("50", revert.QuerySelector("#deleted")!.TextContent);
    }

    [Fact] // R-UNDO-1: the before-images are written with the import, in its transaction, and only the changed fields
    public async Task An_applied_import_stores_the_old_values_of_the_fields_it_changed_and_the_ids_it_created()
    {
        var (client, steps, file) = await ExportedAsync();
        using var _ = client;
        var id = (await AgentIdsAsync(1))[0];
        var row = file.Rows.Single(r => file[r, "User ID"] == id.ToString(CultureInfo.InvariantCulture));
        var oldLast = file[row, "Last Name"];
        file[row, "Last Name"] = "Imaged";
        file.AddRow(("User ID", "0"), ("First Name", "Image"), ("Last Name", "Created"), ("Email", "image.created@example.com"), ("Team", "Alpha"));

        var importId = await steps.ImportAsync(file);

        await using var db = app.CreateDbContext();
        var images = await db.ImportBeforeImages.Where(b => b.ImportId == importId).ToListAsync();
        var updated = images.Single(b => b.Kind == BeforeImageKind.Updated);
        var created = images.Single(b => b.Kind == BeforeImageKind.Created);
        Assert.Equal(id, updated.UserId);
        Assert.Equal(oldLast, Assert.Single(BeforeImageValues.Parse(updated.Values)).Value);
        Assert.Equal((await db.Users.SingleAsync(u => u.Id == id)).Version, updated.VersionAfter);
        Assert.Equal((await db.Users.SingleAsync(u => u.Email == "image.created@example.com")).Id, created.UserId);
    }

    [Fact] // R-UNDO-2: users changed since (a later import, an edit, a deletion) are listed and left as they are
    public async Task Users_changed_since_the_import_are_listed_and_left_as_they_are()
    {
        var (client, steps, file) = await ExportedAsync();
        using var _ = client;
        var (laterImported, edited, untouched) = await ThreeAgentsAsync(file, steps);
        var (importId, originals) = (laterImported.ImportId, laterImported.Originals);

        var preview = await steps.PreviewAsync(importId);
        var listed = System.Text.RegularExpressions.Regex.Replace(preview.QuerySelector("#changed-since-users")!.TextContent, @"\s+", " ");
        Assert.True(listed.Contains($"changed by import {laterImported.LaterImportId} since this one", StringComparison.Ordinal), listed);
        Assert.Contains("edited since the import", listed, StringComparison.Ordinal);
        Assert.Contains("deleted since the import", listed, StringComparison.Ordinal);
        Assert.False(preview.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>($"#include-{laterImported.UserId}")!.IsChecked);

        var (revertId, error) = await steps.RevertAsync(importId);

        Assert.True(error is null, error);
        Assert.NotNull(revertId);
        await using var db = app.CreateDbContext();
        Assert.Equal("Later" + laterImported.Tag, (await db.Users.SingleAsync(u => u.Id == laterImported.UserId)).LastName);
        Assert.Equal("Changed" + laterImported.Tag, (await db.Users.SingleAsync(u => u.Id == laterImported.UserId)).FirstName); // left as it is
        Assert.Equal("Edited" + laterImported.Tag, (await db.Users.SingleAsync(u => u.Id == edited)).LastName);
        Assert.Equal("Changed" + laterImported.Tag, (await db.Users.SingleAsync(u => u.Id == edited)).FirstName);
        Assert.Equal(originals[untouched], (await db.Users.SingleAsync(u => u.Id == untouched)).FirstName); // reverted
    }

    [Fact] // R-UNDO-2: the source and the target of a transfer made since the import are changed since, and left alone
    public async Task Users_transferred_since_the_import_are_listed_as_changed_by_that_transfer()
    {
        var (client, steps, file) = await ExportedAsync();
        using var _ = client;
        var ids = (await AgentIdsAsync(46)).Skip(42).Take(2).ToList();
        var renamed = file.Only();
        foreach (var id in ids)
        {
            var copy = file.Rows.Single(r => file[r, "User ID"] == id.ToString(CultureInfo.InvariantCulture)).ToList();
            copy[file.Headers.IndexOf("First Name")] = "Transferred" + Guid.NewGuid().ToString("N")[..6];
            renamed.Rows.Add(copy);
        }

        var importId = await steps.ImportAsync(renamed);
        app.Clock.Advance(NodaTime.Duration.FromMinutes(1)); // the transfer comes after the import
        var confirmUrl = $"/transfers/single/confirm?source={ids[0]}&target={ids[1]}";
        using var started = await (await client.PrepareFormAsShownAsync(confirmUrl, "#confirm-form")).PostAsync();
        var runUrl = started.Headers.Location!.OriginalString;
        Assert.Equal("Succeeded", (await Transfers.TransferRunWaiter.FinishedAsync(client, runUrl)).GetProperty("state").GetString());
        var runId = runUrl.Split('/')[^1];

        var preview = await steps.PreviewAsync(importId);
        var listed = System.Text.RegularExpressions.Regex.Replace(preview.QuerySelector("#changed-since-users")!.TextContent, @"\s+", " ");

        Assert.True(listed.Contains($"source of transfer {runId} since the import", StringComparison.Ordinal), listed);
        Assert.True(listed.Contains($"target of transfer {runId} since the import", StringComparison.Ordinal), listed);
        Assert.Contains("nothing to revert", preview.QuerySelector("#cannot-revert")!.TextContent, StringComparison.Ordinal); // both left alone
        Assert.Null(preview.QuerySelector("#apply-form"));
    }

    [Fact] // R-UNDO-2: an included user gets back what the import replaced; later changes of other fields stay
    public async Task A_user_changed_since_is_reverted_when_included_and_keeps_later_changes_of_other_fields()
    {
        var (client, steps, file) = await ExportedAsync();
        using var _ = client;
        var (laterImported, edited, untouched) = await ThreeAgentsAsync(file, steps);
        var importId = laterImported.ImportId;

        await steps.IncludeAsync(importId, laterImported.UserId);
        var preview = await steps.PreviewAsync(importId);
        Assert.True(preview.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>($"#include-{laterImported.UserId}")!.IsChecked);
        var (_, error) = await steps.RevertAsync(importId);

        Assert.True(error is null, error);
        await using var db = app.CreateDbContext();
        var included = await db.Users.SingleAsync(u => u.Id == laterImported.UserId);
        Assert.Equal(laterImported.Originals[laterImported.UserId], included.FirstName);
        Assert.Equal("Later" + laterImported.Tag, included.LastName);
        Assert.Equal("Changed" + laterImported.Tag, (await db.Users.SingleAsync(u => u.Id == edited)).FirstName); // not included: left alone
        Assert.Equal(laterImported.Originals[untouched], (await db.Users.SingleAsync(u => u.Id == untouched)).FirstName);
    }

    [Fact] // R-UNDO-2: reverting a revert works the same way, and a deleted created user comes back under a new User ID
    public async Task Reverting_a_revert_gives_back_the_import_and_creates_its_deleted_users_again()
    {
        var (client, steps, file) = await ExportedAsync();
        using var _ = client;
        var id = (await AgentIdsAsync(30))[29];
        var row = file.Rows.Single(r => file[r, "User ID"] == id.ToString(CultureInfo.InvariantCulture));
        var original = file[row, "First Name"];
        file[row, "First Name"] = "Imported";
        file.AddRow(("User ID", "0"), ("First Name", "Twice"), ("Last Name", "Created"), ("Email", "twice.created@example.com"), ("Team", "Alpha"), ("Roles", "Agent"));
        var importId = await steps.ImportAsync(file);

        var (revertId, error) = await steps.RevertAsync(importId);
        Assert.True(error is null, error);
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(original, (await db.Users.SingleAsync(u => u.Id == id)).FirstName);
            Assert.False(await db.Users.AnyAsync(u => u.Email == "twice.created@example.com"));
        }

        var again = await steps.PreviewAsync(revertId!.Value);
        Assert.Equal("1", again.QuerySelector("#count-new")!.TextContent);
        var (revertOfRevertId, secondError) = await steps.RevertAsync(revertId.Value);

        Assert.True(secondError is null, secondError);
        await using var after = app.CreateDbContext();
        Assert.Equal("Imported", (await after.Users.SingleAsync(u => u.Id == id)).FirstName);
        var recreated = await after.Users.Include(u => u.Roles).SingleAsync(u => u.Email == "twice.created@example.com");
        Assert.Equal("Agent", Assert.Single(recreated.Roles).Name);
        var imports = await after.PeopleImports.Where(i => i.Id == importId || i.Id == revertId || i.Id == revertOfRevertId).ToDictionaryAsync(i => i.Id);
        Assert.Equal(revertId, imports[importId].RevertedByImportId);
        Assert.Equal(importId, imports[revertId.Value].RevertOfImportId);
        Assert.Equal(revertOfRevertId, imports[revertId.Value].RevertedByImportId);
        Assert.Equal(revertId, imports[revertOfRevertId!.Value].RevertOfImportId);
        var refused = await steps.PreviewAsync(importId);
        Assert.Contains($"already reverted, or being reverted, by import {revertId}", refused.QuerySelector("#revert-refused")!.TextContent, StringComparison.Ordinal);
    }

    [Fact] // R-UNDO-2: created users are deleted only when they own no transferable data and never signed in, else deactivated
    public async Task Created_users_who_own_data_or_signed_in_are_deactivated_and_the_others_deleted()
    {
        var (client, steps, file) = await ExportedAsync();
        using var _ = client;
        var only = file.Only();
        foreach (var name in new[] { "owner", "signer", "plain" })
        {
            only.AddRow(("User ID", "0"), ("First Name", "Created"), ("Last Name", name), ("Email", $"created.{name}@example.com"), ("Team", "Alpha"), ("Skill Mappings", "Sales"));
        }

        var importId = await steps.ImportAsync(only);
        await using (var db = app.CreateDbContext())
        {
            var owner = await db.Users.SingleAsync(u => u.Email == "created.owner@example.com");
            db.Alerts.Add(new Alert { UserId = owner.Id, Kind = "Adherence", RaisedAt = app.Clock.GetCurrentInstant() });
            await db.SaveChangesAsync();
            var signer = await db.Users.SingleAsync(u => u.Email == "created.signer@example.com");
            var hash = new PasswordHasher<User>().HashPassword(signer, "Signer-Password-1!");
            await db.Users.Where(u => u.Id == signer.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PasswordHash, hash));
        }

        using (var signer = await app.SignInAsync(new TestAccount("created.signer@example.com", "Signer-Password-1!")))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, (await signer.GetAsync("/")).StatusCode);
        }

        var preview = await steps.PreviewAsync(importId);
        Assert.Equal("1", preview.QuerySelector("#count-deleted")!.TextContent);
        Assert.Contains("2 users owning data or having signed in are deactivated", preview.QuerySelector("#created-users")!.TextContent, StringComparison.Ordinal);
        var (_, error) = await steps.RevertAsync(importId);

        Assert.True(error is null, error);
        await using var after = app.CreateDbContext();
        var today = app.Clock.GetCurrentInstant().InUtc().Date;
        Assert.False(await after.Users.AnyAsync(u => u.Email == "created.plain@example.com"));
        Assert.Equal(today, (await after.Users.SingleAsync(u => u.Email == "created.owner@example.com")).Deactivated);
        Assert.Equal(today, (await after.Users.SingleAsync(u => u.Email == "created.signer@example.com")).Deactivated);
    }

    [Fact] // R-UNDO-2: a double submit of one revert, and two administrators reverting at the same moment, run one revert
    public async Task Two_reverts_submitted_at_once_run_one()
    {
        var (client, steps, file) = await ExportedAsync();
        using var _ = client;
        var ids = (await AgentIdsAsync(28)).Skip(24).ToList();
        var twice = file.Only();
        foreach (var id in ids)
        {
            var copy = file.Rows.Single(r => file[r, "User ID"] == id.ToString(CultureInfo.InvariantCulture)).ToList();
            copy[file.Headers.IndexOf("Last Name")] = "Raced" + Guid.NewGuid().ToString("N")[..6];
            twice.Rows.Add(copy);
        }

        // A double submit: the same previewed revert posted twice.
        var first = await steps.ImportAsync(twice.Only(twice[twice.Rows[0], "Email"], twice[twice.Rows[1], "Email"]));
        var forms = await Task.WhenAll(steps.PrepareAsync(first), steps.PrepareAsync(first));
        var answers = await Task.WhenAll(forms.Select(async f =>
        {
            using var response = await f.PostAsync();
            return await steps.AnswerAsync(response);
        }));

        // Two administrators, each with a preview of their own, clicking Revert at the same moment.
        var second = await steps.ImportAsync(twice.Only(twice[twice.Rows[2], "Email"], twice[twice.Rows[3], "Email"]));
        using var other = await app.SignInAsync(TestAccounts.Admin);
        var otherSteps = new RevertSteps(other);
        var rivals = await Task.WhenAll(steps.PrepareAsync(second), otherSteps.PrepareAsync(second));
        var rivalAnswers = await Task.WhenAll(rivals.Select(async (f, i) =>
        {
            using var response = await f.PostAsync();
            return await (i == 0 ? steps : otherSteps).AnswerAsync(response);
        }));

        foreach (var (importId, outcome) in new[] { (first, answers), (second, rivalAnswers) })
        {
            Assert.Single(outcome, a => a.RevertId is not null);
            Assert.Single(outcome, a => a.Error is not null);
            await using var db = app.CreateDbContext();
            var reverts = await db.PeopleImports.Where(i => i.RevertOfImportId == importId).ToListAsync();
            Assert.Equal(ImportState.Succeeded, Assert.Single(reverts).State);
            Assert.Equal(reverts[0].Id, (await db.PeopleImports.SingleAsync(i => i.Id == importId)).RevertedByImportId);
        }
    }

    /// <summary>
    /// An import that renames three agents and creates one user; then a later import changes the first agent's last name,
    /// the second is edited directly, and the created user is deleted.
    /// </summary>
    private async Task<(LaterImported LaterImported, int Edited, int Untouched)> ThreeAgentsAsync(PeopleFile file, RevertSteps steps)
    {
        var ids = (await AgentIdsAsync(40)).Skip(33).Take(3).ToList();
        var tag = Guid.NewGuid().ToString("N")[..6]; // values of their own, whichever test ran on these users before
        var originals = new Dictionary<int, string>();
        var changed = file.Only();
        foreach (var id in ids)
        {
            var row = file.Rows.Single(r => file[r, "User ID"] == id.ToString(CultureInfo.InvariantCulture));
            originals[id] = file[row, "First Name"];
            var copy = row.ToList();
            copy[file.Headers.IndexOf("First Name")] = "Changed" + tag;
            changed.Rows.Add(copy);
        }

        var email = $"since.{Guid.NewGuid():N}@example.com";
        changed.AddRow(("User ID", "0"), ("First Name", "Since"), ("Last Name", "Deleted"), ("Email", email), ("Team", "Alpha"));
        var importId = await steps.ImportAsync(changed);

        var later = PeopleFile.Parse(await steps.Import.ExportAsync());
        var laterRow = later.Rows.Single(r => later[r, "User ID"] == ids[0].ToString(CultureInfo.InvariantCulture));
        later[laterRow, "Last Name"] = "Later" + tag;
        var laterImportId = await steps.ImportAsync(later.Only(later[laterRow, "Email"]));

        await using var db = app.CreateDbContext();
        var edited = await db.Users.SingleAsync(u => u.Id == ids[1]);
        edited.LastName = "Edited" + tag;
        await db.SaveChangesAsync(); // renews the version, as every change of the row does
        await db.Users.Where(u => u.Email == email).ExecuteDeleteAsync();
        return (new LaterImported(importId, laterImportId, ids[0], originals, tag), ids[1], ids[2]);
    }

    private sealed record LaterImported(int ImportId, int LaterImportId, int UserId, Dictionary<int, string> Originals, string Tag);

    /// <summary>Agents without a password (never signed in) and without a tenant-administrator role, in id order.</summary>
    private async Task<List<int>> AgentIdsAsync(int count)
    {
        await using var db = app.CreateDbContext();
        return await db.Users.Where(u => u.Id > 4 && u.PasswordHash == null && u.Roles.All(r => !r.IsTenantAdministrator) && u.Email.EndsWith("@example.com"))
            .Where(u => !u.Email.StartsWith("new.") && !u.Email.StartsWith("created.") && !u.Email.StartsWith("since.") && !u.Email.StartsWith("image.") && !u.Email.StartsWith("twice."))
            .OrderBy(u => u.Id).Take(count).Select(u => u.Id).ToListAsync();
    }
}

/// <summary><see cref="ImportRevertScenarios"/> on a SQLite file.</summary>
[Collection(AppTestGroup.Name)]
public sealed class ImportRevertTests(ImportRevertScenarios.App app) : ImportRevertScenarios(app), IClassFixture<ImportRevertScenarios.App>;

/// <summary><see cref="ImportRevertScenarios"/> on PostgreSQL (ADR-0011).</summary>
[Collection(AppTestGroup.Name)]
[Trait(PostgreSqlServer.Trait, PostgreSqlServer.TraitValue)]
public sealed class PostgreSqlImportRevertTests(PostgreSqlImportRevertTests.PostgreSqlApp app) : ImportRevertScenarios(app), IClassFixture<PostgreSqlImportRevertTests.PostgreSqlApp>
{
    public sealed class PostgreSqlApp : App, IRunsOnPostgreSql;
}
