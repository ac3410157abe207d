using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UserAdmin.Core.Persistence;
using UserAdmin.Tests.Infrastructure;
using UserAdmin.Tests.People;

namespace UserAdmin.Tests.Reliability;

/// <summary>
/// Issue 8, part 3 for the import (R-IMP-8): a double submit is applied once, and an import of users
/// edited after its preview fails with "changed by someone else" and writes nothing. These run in one
/// process on one SQLite file: every request has its own DbContext and connection, so the database
/// decides the race as it would between processes. <see cref="TwoInstanceRaceTests"/> runs the double
/// submit across two real app processes.
/// </summary>
public abstract class ImportRaceScenarios(ImportRaceScenarios.App app)
{
    public class App : UserAdminAppFactory
    {
        public TransactionGate Gate { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.ConfigureDbContext<UserAdminDbContext>(options => options.AddInterceptors(Gate)));
        }
    }

    /// <summary>Who sends the second of two identical apply posts.</summary>
    public enum SecondSubmit
    {
        /// <summary>The same browser, its button clicked twice.</summary>
        SameClient,

        /// <summary>The same administrator signed in twice, both tabs submitting.</summary>
        OtherSession,
    }

    [Theory] // R-IMP-8: the upload is claimed inside the import's transaction, so a twin submit finds it taken
    [InlineData(SecondSubmit.SameClient, 0, true)]
    [InlineData(SecondSubmit.OtherSession, 1, true)]
    [InlineData(SecondSubmit.SameClient, 2, false)] // new users only: no concurrency token to fall back on
    [InlineData(SecondSubmit.OtherSession, 3, false)]
    public async Task The_same_import_applied_twice_at_once_is_applied_once(SecondSubmit second, int scenario, bool updatesAUser)
    {
        using var first = await app.SignInAsync(TestAccounts.Admin);
        using var other = second == SecondSubmit.OtherSession ? await app.SignInAsync(TestAccounts.Admin) : null;
        var submitters = new[] { first, other ?? first }.Select(c => new ImportSteps(c)).ToList();
        var email = await UserToImportAsync(scenario);
        var created = $"double.submit.{scenario}@example.com";
        var previewUrl = await PreviewAsync(first, updatesAUser ? [email] : [], (file, row) => file[row, "First Name"] = $"Once{scenario}", created);
        var applies = await Task.WhenAll(submitters.Select(s => s.PrepareApplyAsync(previewUrl)));
        var importsBefore = await ImportsListedAsync(first);

        var answers = await Task.WhenAll(applies.Select(a => a.PostAsync()));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
        var outcomes = await Task.WhenAll(answers.Select((a, i) => submitters[i].ApplyAnswerAsync(a)));
        Array.ForEach(answers, a => a.Dispose());
        Assert.Single(outcomes, o => o.ResultUrl is not null);
        Assert.Contains("already been imported", Assert.Single(outcomes, o => o.ResultUrl is null).Error, StringComparison.Ordinal);
        Assert.Equal(importsBefore + 1, await ImportsListedAsync(first));
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.Users.CountAsync(u => u.Email == created));
        Assert.Equal(updatesAUser, (await db.Users.SingleAsync(u => u.Email == email)).FirstName == $"Once{scenario}");
        var import = await db.PeopleImports.OrderByDescending(i => i.Id).FirstAsync();
        Assert.Equal((1, updatesAUser ? 1 : 0), (import.Created, import.Updated));
    }

    [Fact] // R-IMP-8: the edit happened after the preview; the stale import fails whole, and a fresh preview applies
    public async Task An_import_of_a_user_edited_after_its_preview_fails_and_writes_nothing()
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);
        var steps = new ImportSteps(client);
        var email = await UserToImportAsync(6);
        var previewUrl = await PreviewAsync(client, [email], (file, row) => file[row, "Last Name"] = "Imported", "stale.import@example.com");
        var edited = await EditAsAnotherAdministratorAsync(email);
        var before = await ExportAsync(client);
        var importsBefore = await ImportsListedAsync(client);

        var (resultUrl, error) = await steps.ApplyAsync(previewUrl);

        Assert.Null(resultUrl);
        Assert.Contains($"User {edited} (", error, StringComparison.Ordinal);
        Assert.Contains("was changed by someone else after the preview", error, StringComparison.Ordinal);
        Assert.Equal(before, await ExportAsync(client));
        Assert.Equal(importsBefore, await ImportsListedAsync(client));
        await steps.PreviewPageAsync(previewUrl);
        Assert.Null((await steps.ApplyAsync(previewUrl)).Error);
        await using var db = app.CreateDbContext();
        Assert.Equal("Imported", (await db.Users.SingleAsync(u => u.Email == email)).LastName);
    }

    [Fact] // R-IMP-8, R-IMP-11: the edit lands as the import's transaction begins, before the job plans and writes its chunks: the preview's concurrency token stops it
    public async Task An_edit_landing_while_the_import_is_applied_fails_the_import_and_nothing_is_half_written()
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);
        var untouched = await UserToImportAsync(4);
        var email = await UserToImportAsync(5);
        var previewUrl = await PreviewAsync(client, [untouched, email], (file, row) => file[row, "Login"] = $"renamed.{file[row, "Login"]}", "half.written@example.com");
        var steps = new ImportSteps(client);
        var apply = await steps.PrepareApplyAsync(previewUrl);
        var importsBefore = await ImportsListedAsync(client);
        byte[] afterTheEdit = [];
        var edited = 0;
        app.Gate.Arm(async () =>
        {
            edited = await EditAsAnotherAdministratorAsync(email);
            afterTheEdit = await ExportAsync(client);
        });

        using var response = await apply.PostAsync();

        var (resultUrl, error) = await steps.ApplyAnswerAsync(response);
        Assert.True(app.Gate.Fired, "The edit did not land inside the apply.");
        Assert.Null(resultUrl);
        Assert.Contains($"User {edited} (", error, StringComparison.Ordinal);
        Assert.Contains("was changed by someone else after the preview", error, StringComparison.Ordinal);
        Assert.Contains("Nothing was imported", error, StringComparison.Ordinal);
        Assert.Equal(afterTheEdit, await ExportAsync(client));
        Assert.Equal(importsBefore, await ImportsListedAsync(client));
    }

    /// <summary>Previews an export of <paramref name="emails"/>, each row changed by <paramref name="change"/>, plus one new user.</summary>
    private static async Task<string> PreviewAsync(TestClient client, string[] emails, Action<PeopleFile, List<string>> change, string newEmail)
    {
        var steps = new ImportSteps(client);
        var file = PeopleFile.Parse(await steps.ExportAsync()).Only(emails);
        file.Rows.ForEach(row => change(file, row));
        file.AddRow(("User ID", "0"), ("First Name", "New"), ("Last Name", "Person"), ("Email", newEmail));
        var previewUrl = await steps.PreviewAsync(file.ToBytes());
        await steps.PreviewPageAsync(previewUrl); // the preview records the versions the administrator saw
        return previewUrl;
    }

    /// <summary>An ordinary user (no sign-in, no tenant administrator role), a different one per <paramref name="n"/>.</summary>
    private async Task<string> UserToImportAsync(int n)
    {
        await using var db = app.CreateDbContext();
        return await db.Users.Where(u => u.PasswordHash == null && u.Roles.All(r => !r.IsTenantAdministrator))
            .OrderByDescending(u => u.Id).Skip(n).Select(u => u.Email).FirstAsync();
    }

    /// <summary>What another administrator's save does to the user: a changed field and a renewed concurrency token.</summary>
    private async Task<int> EditAsAnotherAdministratorAsync(string email)
    {
        await using var db = app.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        user.AcdId = "edited meanwhile";
        await db.SaveChangesAsync();
        return user.Id;
    }

    private static async Task<int> ImportsListedAsync(TestClient client) =>
        (await client.GetDocumentAsync("/people/imports")).QuerySelectorAll("#imports tbody td:first-child a").Length;

    private static Task<byte[]> ExportAsync(TestClient client) => new ImportSteps(client).ExportBytesAsync();
}

/// <summary><see cref="ImportRaceScenarios"/> on a SQLite file.</summary>
[Collection(AppTestGroup.Name)]
public sealed class ImportRaceTests(ImportRaceScenarios.App app) : ImportRaceScenarios(app), IClassFixture<ImportRaceScenarios.App>;

/// <summary><see cref="ImportRaceScenarios"/> on PostgreSQL (ADR-0011).</summary>
[Collection(AppTestGroup.Name)]
[Trait(PostgreSqlServer.Trait, PostgreSqlServer.TraitValue)]
public sealed class PostgreSqlImportRaceTests(PostgreSqlImportRaceTests.PostgreSqlApp app) : ImportRaceScenarios(app), IClassFixture<PostgreSqlImportRaceTests.PostgreSqlApp>
{
    public sealed class PostgreSqlApp : App, IRunsOnPostgreSql;
}
