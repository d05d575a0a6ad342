namespace Aperture.Integration.Tests;

/// <summary>Every file under a folder (hidden ones included) with its size and last write time.</summary>
internal sealed record LibraryFileSnapshot(IReadOnlyDictionary<string, (long Length, DateTime LastWriteUtc)> Files)
{
    public static LibraryFileSnapshot Take(string root) => new(
        Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToDictionary(
                path => Path.GetRelativePath(root, path),
                path => (new FileInfo(path).Length, File.GetLastWriteTimeUtc(path)),
                StringComparer.Ordinal)
            : new Dictionary<string, (long, DateTime)>());
}
