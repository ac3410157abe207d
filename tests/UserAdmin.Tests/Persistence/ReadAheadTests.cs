using System.Runtime.CompilerServices;
using UserAdmin.Core.Persistence;

namespace UserAdmin.Tests.Persistence;

/// <summary>
/// R-EXP-3: the export reads the next page while it writes the current one (<see cref="ReadAhead"/>), in
/// order, never two reads of its source at once (a DbContext allows one), at most one page ahead, and it
/// leaves the source disposed however the caller stops.
/// </summary>
public sealed class ReadAheadTests
{
    /// <summary>Pages 1..count; records how far it ran ahead of the caller and whether two reads ever overlapped.</summary>
    private sealed class Source(int count, int failAt = 0)
    {
        private int _reading;

        public int Produced { get; private set; }

        public int Consumed { get; set; }

        public int MostAhead { get; private set; }

        public bool Overlapped { get; private set; }

        public bool Disposed { get; private set; }

        public async IAsyncEnumerable<int> Pages([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            try
            {
                for (var page = 1; page <= count; page++)
                {
                    Overlapped |= Interlocked.Increment(ref _reading) > 1;
                    await Task.Delay(2, cancellationToken);
                    Interlocked.Decrement(ref _reading);
                    if (page == failAt)
                    {
                        throw new InvalidOperationException("The database went away.");
                    }

                    Produced = page;
                    MostAhead = Math.Max(MostAhead, Produced - Consumed);
                    yield return page;
                }
            }
            finally
            {
                Disposed = true;
            }
        }
    }

    [Fact] // R-EXP-3
    public async Task Every_page_arrives_in_order_with_at_most_one_read_ahead_and_never_two_reads_at_once()
    {
        var source = new Source(50);
        var seen = new List<int>();

        await foreach (var page in ReadAhead.Of(source.Pages()))
        {
            source.Consumed = page;
            seen.Add(page);
            await Task.Delay(1);
        }

        Assert.Equal(Enumerable.Range(1, 50), seen);
        Assert.False(source.Overlapped);
        Assert.InRange(source.MostAhead, 0, 2);
        Assert.True(source.Disposed);
    }

    [Fact] // R-EXP-3: a caller that stops early (the export's size sample) leaves no read running and the source disposed
    public async Task A_caller_that_stops_early_leaves_the_source_disposed()
    {
        var source = new Source(50);

        await foreach (var page in ReadAhead.Of(source.Pages()))
        {
            if (page == 3)
            {
                break;
            }
        }

        Assert.True(source.Disposed);
        Assert.InRange(source.Produced, 3, 4);
    }

    [Fact] // R-EXP-3: a failed read reaches the caller as the failure it is, after the pages before it
    public async Task A_failed_read_reaches_the_caller_after_the_pages_before_it()
    {
        var source = new Source(10, failAt: 4);
        var seen = new List<int>();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var page in ReadAhead.Of(source.Pages()))
            {
                seen.Add(page);
            }
        });

        Assert.Equal("The database went away.", failure.Message);
        Assert.Equal([1, 2, 3], seen);
        Assert.True(source.Disposed);
    }

    [Fact] // R-EXP-3: a cancelled download stops reading
    public async Task A_cancelled_caller_stops_the_reads()
    {
        var source = new Source(1000);
        using var cancel = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var page in ReadAhead.Of(source.Pages(), cancel.Token))
            {
                if (page == 2)
                {
                    await cancel.CancelAsync();
                }
            }
        });

        Assert.True(source.Produced < 1000);
        Assert.True(source.Disposed);
    }
}
