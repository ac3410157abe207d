using System.Runtime.CompilerServices;

namespace UserAdmin.Core.Persistence;

/// <summary>
/// A sequence of pages read from the database, with the next page read on another thread while the caller
/// works on the current one (P2: the export formats and writes a page while the next is read, ADR-0018).
/// At most two pages are held, so memory stays flat (R-EXP-3). The source is only ever moved by one read at
/// a time, each awaited before the next starts, so a DbContext behind it is never used concurrently.
/// </summary>
public static class ReadAhead
{
    public static async IAsyncEnumerable<T> Of<T>(IAsyncEnumerable<T> source, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var pages = source.GetAsyncEnumerator(cancellationToken);
        Task<bool>? next = null;
        try
        {
            next = Next(pages);
            while (await next.ConfigureAwait(false))
            {
                // Current is taken before the next read starts: that read replaces it.
                var page = pages.Current;
                next = Next(pages);
                yield return page;
            }
        }
        finally
        {
            // The caller stopped early (a limit, a failure, a cancelled request): the read under way ends before the source is disposed; its outcome is not wanted.
            if (next is not null)
            {
                await ((Task)next).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            await pages.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static Task<bool> Next<T>(IAsyncEnumerator<T> pages) => Task.Run(async () => await pages.MoveNextAsync().ConfigureAwait(false));
}
