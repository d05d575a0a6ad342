using System.Diagnostics;
using System.Globalization;

namespace Aperture.Jobs.Tests.Movies.Libraries;

/// <summary>
/// A fingerprint of every entry under a folder, without following links: on Linux inode, change time and
/// modification time (any write, replace or rename changes one); elsewhere modification time and length.
/// </summary>
internal static class FolderFingerprint
{
    public static Dictionary<string, string> Take(string root)
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

        return new DirectoryInfo(root).EnumerateFileSystemInfos("*", SearchOption.AllDirectories).ToDictionary(
            info => info.FullName,
            info => info.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture) + " " + (info is FileInfo file && file.LinkTarget is null ? file.Length : 0),
            StringComparer.Ordinal);
    }
}
