using System.Text.Json;
using UserAdmin.Tests.Infrastructure;
using UserAdmin.Tests.Transfers;

namespace UserAdmin.Tests.Reliability;

/// <summary>
/// Keeps a bulk transfer running while a load runs: bulks back to back on their own client, each
/// uploaded, run and followed to its end over HTTP, the next one moving the data back (R-BLK-5 allows
/// one at a time). The bulk under way when the load stops is still followed to its end.
/// </summary>
public sealed class BackToBackBulks(TestClient client, BulkPairs bulk)
{
    private readonly TaskCompletionSource _firstStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first bulk is queued, so that the load starts against a running bulk.</summary>
    public Task FirstStarted => _firstStarted.Task;

    /// <summary>The final status of every bulk run, in order.</summary>
    public async Task<IReadOnlyList<JsonElement>> RunUntilAsync(CancellationToken stop)
    {
        var steps = new BulkSteps(client);
        var files = new[] { bulk.ToFile(), bulk.Reversed().ToFile() };
        var finished = new List<JsonElement>();
        try
        {
            do
            {
                var previewUrl = await steps.UploadAsync(files[finished.Count % 2]);
                if (finished.Count >= 2)
                {
                    // R-TRF-6: from the third bulk on, the sources' data was transferred before (and back): moving it again is chosen.
                    await steps.IncludeTransferredAsync(previewUrl);
                }

                var (runUrl, error) = await steps.RunAsync(previewUrl);
                _firstStarted.TrySetResult();
                finished.Add(await TransferRunWaiter.FinishedAsync(client, runUrl ?? throw new InvalidOperationException("The bulk was refused: " + error), TimeSpan.FromMinutes(5)));
            }
            while (!stop.IsCancellationRequested);
        }
        catch (Exception failure)
        {
            _firstStarted.TrySetException(failure);
            throw;
        }

        return finished;
    }
}
