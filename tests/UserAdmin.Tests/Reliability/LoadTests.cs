using System.Globalization;
using UserAdmin.Tests.Infrastructure;
using Xunit.Abstractions;

namespace UserAdmin.Tests.Reliability;

/// <summary>
/// Issue 8, load: signed-in administrators listing, searching and exporting users against the real app
/// process on loopback while bulk transfers run (R-BLK-6 in the background, DESIGN 8). Bounded for CI
/// (20 clients, 10 s); scripts/load-test sets LOAD_CLIENTS=50 and LOAD_SECONDS=60. Correctness is
/// asserted; the figures are printed, never asserted, since a shared machine's times drift.
/// </summary>
[Collection(ReliabilityGroup.Name)]
public sealed class LoadTests(DemoDatabaseTemplate template, ITestOutputHelper output)
{
    private const int BulkPairCount = 100;

    private static readonly (string Kind, string Url)[] Mix =
    [
        ("list", "/users"),
        ("search", "/users?search=smith"),
        ("list", "/users?page=2"),
        ("search", "/users?search=example.com"),
        ("export", "/people/export"),
    ];

    [Fact]
    public async Task Concurrent_clients_list_search_and_export_without_errors_while_bulks_run()
    {
        var clients = Setting("LOAD_CLIENTS", 20);
        var duration = TimeSpan.FromSeconds(Setting("LOAD_SECONDS", 10));
        using var database = template.NewCopy();
        using var app = await AppProcess.StartAsync(database, DemoDatabaseTemplate.DemoUsers);
        var signedIn = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => app.SignInAsync(TestAccounts.Admin)));
        using var bulkClient = await app.SignInAsync(TestAccounts.Admin);
        try
        {
            var bulks = new BackToBackBulks(bulkClient, await BulkPairs.ChooseAsync(database, BulkPairCount));
            using var loadOver = new CancellationTokenSource();
            var bulkRuns = bulks.RunUntilAsync(loadOver.Token);
            await bulks.FirstStarted;

            var figures = await LoadRun.RunAsync(signedIn, Mix, duration);
            await loadOver.CancelAsync();
            var finished = await bulkRuns;

            Report(figures.Describe(clients) + $"; {finished.Count} bulks of {BulkPairCount} pairs ran meanwhile");
            Assert.Empty(figures.Failures.Take(10));
            Assert.All(finished, status => Assert.Equal(("Succeeded", BulkPairCount), (status.GetProperty("state").GetString(), status.GetProperty("done").GetInt32())));
            Assert.Empty(app.ErrorLogLines);
        }
        finally
        {
            Array.ForEach(signedIn, c => c.Dispose());
        }
    }

    private void Report(string line)
    {
        output.WriteLine(line);
        Console.WriteLine(line);
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
