using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using UserAdmin.Core.People.Import;

namespace UserAdmin.Tests.People;

/// <summary>
/// Holds a running import inside its transaction, so that a test can look at its progress meanwhile
/// (R-IMP-10). The import's writer looks up each batch of new users by email inside the transaction, tagged
/// (its inserts are plain commands, which interceptors do not see); the chosen look-up waits.
/// Only the app's own DbContexts pass through it.
/// </summary>
public sealed class WriteHold : DbCommandInterceptor
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _holdAt;
    private int _lookups;

    /// <summary>Completes when the held look-up is about to run.</summary>
    public Task Reached => _reached.Task;

    /// <summary>The look-up after the <paramref name="batch"/>-th batch of new users waits until <see cref="Release"/>.</summary>
    public void Arm(int batch) => Volatile.Write(ref _holdAt, batch);

    public void Release() => _released.TrySetResult();

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Volatile.Read(ref _holdAt) > 0 && command.Transaction is not null && command.CommandText.Contains(PeopleWriter.NewUserIdsTag, StringComparison.Ordinal)
            && Interlocked.Increment(ref _lookups) == _holdAt)
        {
            _reached.TrySetResult();
            await _released.Task.WaitAsync(TimeSpan.FromMinutes(2), cancellationToken);
        }

        return result;
    }
}
