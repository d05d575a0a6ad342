using System.Diagnostics;
using System.Globalization;

namespace Aperture.Libraries.Tests;

/// <summary>Reads a folder tree without following links: what is there, and a fingerprint that changes on any write.</summary>
internal static class FileTree
{
    /// <summary>Every entry under <paramref name="root"/>: path → "dir", "link -> target" or "file: content".</summary>
    public static Dictionary<string, string> Entries(string root)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk(root, entries);
        return entries;
    }

    /// <summary>
    /// A fingerprint of every entry under <paramref name="root"/>: on Linux its inode, change time and modification time
    /// (any write, replace, rename or new link changes one of them); elsewhere its modification time and length.
    /// </summary>
    public static Dictionary<string, string> Fingerprints(string root)
    {
        if (OperatingSystem.IsLinux())
        {
            var start = new ProcessStartInfo("find", ["-P", root, "-printf", "%p\t%i %C@ %T@ %y %s\n"]) { RedirectStandardOutput = true };
            using var find = Process.Start(start)!;
            var output = find.StandardOutput.ReadToEnd();
            find.WaitForExit();
            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.Split('\t'))
                .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal);
        }

        return Entries(root).Keys.ToDictionary(
            path => path,
            path =>
            {
                var info = new FileInfo(path);
                return info.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture) + " " + (info.Exists ? info.Length : 0);
            },
            StringComparer.Ordinal);
    }

    /// <summary>The paths under <paramref name="root"/> whose fingerprint differs between two snapshots, or that appeared or disappeared.</summary>
    public static List<string> Differences(Dictionary<string, string> before, Dictionary<string, string> after) =>
        [.. before.Keys.Union(after.Keys)
            .Where(path => !before.TryGetValue(path, out var a) || !after.TryGetValue(path, out var b) || a != b)
            .Order(StringComparer.Ordinal)];

    private static void Walk(string path, Dictionary<string, string> entries)
    {
        switch (LibraryFiles.Inspect(path))
        {
            case EntryKind.Link:
                entries[path] = "link -> " + LibraryFiles.ReadLink(path);
                break;
            case EntryKind.Directory:
                entries[path] = "dir";
                foreach (var child in Directory.EnumerateFileSystemEntries(path))
                {
                    Walk(child, entries);
                }

                break;
            case EntryKind.File:
                entries[path] = "file: " + File.ReadAllText(path);
                break;
        }
    }
}
