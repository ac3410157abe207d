using System.Diagnostics;
using System.Globalization;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Reliability;

/// <summary>One request of the load: its kind, its status (0 when it threw) and its time to the last byte.</summary>
public sealed record LoadSample(string Kind, int Status, double Milliseconds, string? Error)
{
    public bool Failed => Error is not null || Status is < 200 or >= 300;
}

/// <summary>
/// Signed-in clients, each sending the next request of a mix as soon as its last one is answered,
/// for a fixed time (a closed loop: the figures are what the app sustains, not what a generator pushes).
/// </summary>
public static class LoadRun
{
    public static async Task<LoadFigures> RunAsync(IReadOnlyList<TestClient> clients, IReadOnlyList<(string Kind, string Url)> mix, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(clients);
        var clock = Stopwatch.StartNew();
        var perClient = await Task.WhenAll(clients.Select((client, i) => LoopAsync(client, mix, i, clock, duration)));
        return new LoadFigures([.. perClient.SelectMany(s => s)], clock.Elapsed);
    }

    private static async Task<List<LoadSample>> LoopAsync(TestClient client, IReadOnlyList<(string Kind, string Url)> mix, int first, Stopwatch clock, TimeSpan duration)
    {
        var samples = new List<LoadSample>();
        for (var next = first; clock.Elapsed < duration; next++)
        {
            var (kind, url) = mix[next % mix.Count];
            var sent = clock.Elapsed;
            try
            {
                using var response = await client.GetAsync(url);
                await response.Content.CopyToAsync(Stream.Null);
                samples.Add(new LoadSample(kind, (int)response.StatusCode, (clock.Elapsed - sent).TotalMilliseconds, null));
            }
            catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException or IOException)
            {
                samples.Add(new LoadSample(kind, 0, (clock.Elapsed - sent).TotalMilliseconds, failure.GetBaseException().Message));
            }
        }

        return samples;
    }
}

/// <summary>Requests per second and latency percentiles of a load run.</summary>
public sealed class LoadFigures(IReadOnlyList<LoadSample> samples, TimeSpan elapsed)
{
    public IReadOnlyList<LoadSample> Samples { get; } = samples;

    public TimeSpan Elapsed { get; } = elapsed;

    public double RequestsPerSecond => Samples.Count / Elapsed.TotalSeconds;

    public IReadOnlyList<LoadSample> Failures => [.. Samples.Where(s => s.Failed)];

    /// <summary>The latency under which 95 % of the requests (of one kind, or all) were answered, nearest-rank.</summary>
    public double P95(string? kind = null)
    {
        var times = Samples.Where(s => kind is null || s.Kind == kind).Select(s => s.Milliseconds).Order().ToList();
        return times.Count == 0 ? 0 : times[(int)Math.Ceiling(times.Count * 0.95) - 1];
    }

    public string Describe(int clients)
    {
        var kinds = Samples.Select(s => s.Kind).Distinct().Select(k => string.Create(CultureInfo.InvariantCulture, $"{k} {Samples.Count(s => s.Kind == k)} req, p95 {P95(k):N0} ms"));
        return string.Create(CultureInfo.InvariantCulture,
            $"LOAD {clients} clients, {Elapsed.TotalSeconds:N1} s: {Samples.Count} requests, {RequestsPerSecond:N1} req/s, p95 {P95():N0} ms, {Failures.Count} errors ({string.Join("; ", kinds)})");
    }
}
