namespace UserAdmin.Web.Hosting;

/// <summary>
/// The request body, noting whether the server refused it as too large while it was read. Antiforgery
/// and model binding turn that refusal into a plain 400; this remembers what it really was.
/// </summary>
internal sealed class WatchedRequestBody(Stream inner) : Stream
{
    public bool WasTooLarge { get; private set; }

    public override bool CanRead => inner.CanRead;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        try
        {
            return inner.Read(buffer, offset, count);
        }
        catch (BadHttpRequestException e) when (Noted(e))
        {
            throw;
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.ReadAsync(buffer, cancellationToken);
        }
        catch (BadHttpRequestException e) when (Noted(e))
        {
            throw;
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    // An exception filter that only looks: the exception goes on to whoever handles it.
    private bool Noted(BadHttpRequestException e)
    {
        WasTooLarge |= e.StatusCode == StatusCodes.Status413PayloadTooLarge;
        return false;
    }
}
