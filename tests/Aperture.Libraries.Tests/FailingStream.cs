namespace Aperture.Libraries.Tests;

/// <summary>
/// Wraps a file stream and fails part-way through a write, as a crash or a full disk would: the first
/// <c>bytesBeforeFailure</c> bytes reach the file, then the write throws.
/// </summary>
internal sealed class FailingStream(Stream inner, int bytesBeforeFailure, Func<Exception> failure) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => throw new NotSupportedException();
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var room = (int)Math.Max(0, bytesBeforeFailure - inner.Position);
        inner.Write(buffer[..Math.Min(room, buffer.Length)]);
        if (buffer.Length > room)
        {
            inner.Flush();
            throw failure();
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
