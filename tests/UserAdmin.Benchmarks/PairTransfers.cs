using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using UserAdmin.Core.Transfers;
using UserAdmin.Core.Transfers.Runs;

namespace UserAdmin.Benchmarks;

/// <summary>
/// P3: the pairs go through the bulk transfer as the app runs it: <see cref="TransferRunStarter"/>
/// records the run (what the start request does), then <see cref="TransferRunner"/> runs it (what the
/// background job does): per pair, the rules again, then claim, transfer and counts in one transaction.
/// </summary>
internal sealed class PairTransfers(IServiceProvider services)
{
    public async Task<long> RunPairsAsync(IReadOnlyList<TransferPair> pairs, CancellationToken cancellationToken = default)
    {
        var administrator = await BenchmarkServices.AdministratorAsync(services);
        long moved = 0;
        foreach (var bulk in pairs.Chunk(TransferRunStarter.MaxBulkPairs))
        {
            int runId;
            await using (var scope = services.CreateAsyncScope())
            {
                var started = await scope.ServiceProvider.GetRequiredService<TransferRunStarter>().StartBulkAsync(
                    administrator, bulk.Select(p => new PairToStart(p.SourceUserId, Label(p.SourceUserId), p.TargetUserId, Label(p.TargetUserId))).ToList(), retryOfRunId: null, Guid.NewGuid(), cancellationToken);
                runId = started.RunId ?? throw new InvalidOperationException("The bulk transfer was refused: " + string.Join(" ", started.Refusals));
            }

            await using (var scope = services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<TransferRunner>().RunAsync(runId, cancellationToken);
                var run = await scope.ServiceProvider.GetRequiredService<TransferRunQueries>().TotalsAsync(runId, cancellationToken);
                moved += run.Sum(t => (long)t.RowsMoved);
            }
        }

        return moved;
    }

    private static string Label(int userId) => "user " + userId.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The benchmark runs each bulk itself, in the measured process, instead of queueing a Hangfire job.</summary>
internal sealed class NoQueue : ITransferJobs
{
    public void Enqueue(int runId)
    {
    }
}
