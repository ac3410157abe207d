using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace UserAdmin.Tests.Reliability;

/// <summary>
/// Lets a test act at the moment the app is about to begin its next database transaction: for an import,
/// after every check of the preview's versions and before the first write, where another
/// administrator's edit is the hardest case for R-IMP-8. Only the app's own DbContexts pass through it.
/// </summary>
public sealed class TransactionGate : DbTransactionInterceptor
{
    private Func<Task>? _meanwhile;

    /// <summary>True once an armed action has run.</summary>
    public bool Fired { get; private set; }

    /// <summary>Runs <paramref name="meanwhile"/> once, when the next transaction is about to begin; that transaction waits for it.</summary>
    public void Arm(Func<Task> meanwhile)
    {
        Fired = false;
        _meanwhile = meanwhile;
    }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _meanwhile, null) is { } meanwhile)
        {
            await meanwhile();
            Fired = true;
        }

        return result;
    }
}
