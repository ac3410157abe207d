using System.Globalization;
using UserAdmin.Core.Transfers.Runs;
using UserAdmin.Core.Users;
using UserAdmin.Tests.Infrastructure;
using UserAdmin.Tests.People;

namespace UserAdmin.Tests.Csv;

/// <summary>
/// R-EXP-4, R-SEC-9: every CSV download the app offers, crossed with every character that makes a
/// spreadsheet run a cell as a formula: the cell comes out with the guard's apostrophe, no cell of the
/// file starts like a formula, and the file is UTF-8 with BOM (R-EXP-2). The downloads are fetched over
/// HTTP, as an administrator's browser fetches them.
/// </summary>
[Collection(AppTestGroup.Name)]
public sealed class FormulaSafeDownloadTests(FormulaSafeDownloadTests.App app) : IClassFixture<FormulaSafeDownloadTests.App>
{
    public sealed class App : UserAdminAppFactory;

    /// <summary>R-EXP-4's starters (= + - @ tab, carriage return, line feed) and R-SEC-9's full-width ＝ ＋ － ＠.</summary>
    private static readonly string[] Starters = ["=", "+", "-", "@", "\t", "\r", "\n", "\uFF1D", "\uFF0B", "\uFF0D", "\uFF20"];

    public static TheoryData<string> Downloads => new()
    {
        "people.csv export",
        "bulk transfer file of all users",
        "failed pairs file",
        "audit log",
        "errors-only audit log",
        "invalid rows report",
        "import error report",
    };

    [Theory] // R-EXP-4, R-SEC-9, R-EXP-2
    [MemberData(nameof(Downloads))]
    public async Task Every_cell_starting_like_a_formula_is_neutralised_in_the(string download)
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);
        var poisoned = await PoisonedUsersAsync();
        var bytes = download switch
        {
            "people.csv export" => await GetAsync(client, "/people/export"),
            "bulk transfer file of all users" => await GetAsync(client, "/transfers/bulk/download"),
            "failed pairs file" => await GetAsync(client, $"/transfers/{await FailedRunAsync(poisoned)}/failed-pairs"),
            "audit log" => await GetAsync(client, $"/transfers/{await FailedRunAsync(poisoned)}/audit-log"),
            "errors-only audit log" => await GetAsync(client, $"/transfers/{await FailedRunAsync(poisoned)}/audit-log/errors"),
            "invalid rows report" => await GetAsync(client, (await PreviewOfInvalidRowsAsync(client, poisoned)).Replace("/preview", "/invalid-rows", StringComparison.Ordinal)),
            "import error report" => await ImportErrorReportAsync(client, poisoned),
            _ => throw new ArgumentOutOfRangeException(nameof(download), download, "Unknown download."),
        };

        Assert.Equal(CsvBom, bytes.Take(3));
        var file = PeopleFile.Parse(System.Text.Encoding.UTF8.GetString(bytes));
        var cells = file.Rows.Prepend(file.Headers).SelectMany(row => row).ToList();
        foreach (var value in poisoned.Values)
        {
            Assert.Contains("'" + value, cells);
        }

        var formulas = cells.Where(cell => cell.Length > 0 && Starters.Contains(cell[..1], StringComparer.Ordinal)).ToList();
        Assert.True(formulas.Count == 0, $"The {download} has cells a spreadsheet runs: {string.Join(" | ", formulas)}");
    }

    private static readonly byte[] CsvBom = [0xEF, 0xBB, 0xBF];

    /// <summary>One new user per starter, whose first name starts with it; each test makes its own.</summary>
    private async Task<Dictionary<User, string>> PoisonedUsersAsync()
    {
        await using var db = app.CreateDbContext();
        var batch = Guid.NewGuid().ToString("N")[..8];
        var users = Starters.Select((starter, i) => new User
        {
            FirstName = starter + "HYPERLINK(\"http://evil.example\",\"x\")",
            LastName = "Formula",
            Email = $"formula.{batch}.{i.ToString(CultureInfo.InvariantCulture)}@example.com",
        }).ToList();
        db.Users.AddRange(users);
        await db.SaveChangesAsync();
        return users.ToDictionary(u => u, u => u.FirstName);
    }

    /// <summary>A finished bulk whose every pair failed, its labels and error starting like formulas; poisoned users are the targets.</summary>
    private async Task<int> FailedRunAsync(Dictionary<User, string> poisoned)
    {
        await using var db = app.CreateDbContext();
        var admin = db.Users.Single(u => u.Email == TestAccounts.AdminEmail);
        var users = poisoned.Keys.ToList();
        var run = new TransferRun
        {
            Kind = TransferKind.Bulk,
            State = TransferRunState.CompletedWithErrors,
            RequestedByUserId = admin.Id,
            RequestedByName = "Admin",
            RequestedAt = UserAdminAppFactory.StartInstant,
            StartedAt = UserAdminAppFactory.StartInstant,
            FinishedAt = UserAdminAppFactory.StartInstant,
            TotalPairs = users.Count,
            FailedPairs = users.Count,
            ConfirmationKey = Guid.NewGuid(),
            Pairs = users.Select((target, i) => new TransferRunPair
            {
                Position = i + 1,
                SourceUserId = users[(i + 1) % users.Count].Id,
                TargetUserId = target.Id,
                SourceLabel = poisoned[users[(i + 1) % users.Count]],
                TargetLabel = poisoned[target],
                State = TransferPairState.Failed,
                Error = poisoned[target],
                CompletedAt = UserAdminAppFactory.StartInstant,
            }).ToList(),
        };
        db.TransferRuns.Add(run);
        await db.SaveChangesAsync();
        return run.Id;
    }

    /// <summary>An upload of the poisoned users' rows, typed raw (no apostrophe) and made invalid, beside one unchanged valid row.</summary>
    private static async Task<string> PreviewOfInvalidRowsAsync(TestClient client, Dictionary<User, string> poisoned)
    {
        var steps = new ImportSteps(client);
        var exported = PeopleFile.Parse(await steps.ExportAsync());
        var emails = poisoned.Keys.Select(u => u.Email).ToList();
        var unchanged = exported.Rows.Select(r => exported[r, "Email"]).First(email => email != TestAccounts.AdminEmail && !email.StartsWith("formula.", StringComparison.Ordinal));
        var file = exported.Only([.. emails, unchanged]);
        foreach (var (user, value) in poisoned)
        {
            var row = file.RowOf(user.Email);
            file[row, "First Name"] = value;
            file[row, "Rank"] = "-1";
        }

        return await steps.PreviewAsync(file.ToBytes());
    }

    private static async Task<byte[]> ImportErrorReportAsync(TestClient client, Dictionary<User, string> poisoned)
    {
        var previewUrl = await PreviewOfInvalidRowsAsync(client, poisoned);
        var (resultUrl, error) = await new ImportSteps(client).ApplyAsync(previewUrl, importValidRowsOnly: true);
        Assert.Null(error);
        await ImportWaiter.FinishedAsync(client, resultUrl!);
        return await GetAsync(client, resultUrl + "/errors");
    }

    private static async Task<byte[]> GetAsync(TestClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode}");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }
}
