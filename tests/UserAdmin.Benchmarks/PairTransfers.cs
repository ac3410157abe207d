using Microsoft.Extensions.DependencyInjection;
using UserAdmin.Core.Transfers;

namespace UserAdmin.Benchmarks;

/// <summary>
/// P3's seam: how a list of pairs is transferred. Today each pair goes through
/// <see cref="TransferEngine"/> in its own transaction, which is what the bulk job will do per pair;
/// when the bulk transfer runner exists, P3 measures it by replacing this one method.
/// </summary>
internal sealed class PairTransfers(IServiceProvider services)
{
    public async Task<long> RunPairsAsync(IReadOnlyList<TransferPair> pairs, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<TransferEngine>();
        long moved = 0;
        foreach (var pair in pairs)
        {
            var result = await engine.TransferAsync(pair.SourceUserId, pair.TargetUserId, cancellationToken);
            moved += result.RowsMoved;
        }

        return moved;
    }
}
