using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Aperture.Libraries.Tests;

/// <summary>Builds writers over a sandbox with a fake clock and a capturing logger.</summary>
internal static class TestWriters
{
    public static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    public static LibraryWriter Create(
        Sandbox sandbox,
        LibraryWriteMode mode = LibraryWriteMode.Strm,
        Action<LibraryOptions>? configure = null,
        FakeLogger? logger = null,
        LibraryFiles? files = null)
    {
        var options = new LibraryOptions { OutputRoot = sandbox.Root, Mode = mode };
        configure?.Invoke(options);
        return new LibraryWriter(options, new FakeTimeProvider(Now), logger ?? new FakeLogger(), files ?? new LibraryFiles());
    }
}
