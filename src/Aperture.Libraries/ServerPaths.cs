using System.Text.RegularExpressions;

namespace Aperture.Libraries;

/// <summary>
/// Paths as the media server sees them. The server may run on another operating system than Aperture (Emby on
/// Windows, Aperture in a Linux container), so these helpers accept both <c>/</c> and <c>\</c> and never ask the
/// local file system.
/// </summary>
internal static partial class ServerPaths
{
    /// <summary>Whether <paramref name="path"/> is absolute on Unix (<c>/x</c>) or Windows (<c>C:\x</c>, <c>\\host\share</c>).</summary>
    public static bool IsAbsolute(string? path) =>
        !string.IsNullOrWhiteSpace(path)
        && (path[0] == '/' || path.StartsWith(@"\\", StringComparison.Ordinal) || WindowsDrive().IsMatch(path));

    /// <summary>Whether <paramref name="path"/> is a URL (<c>scheme://…</c>) rather than a file path.</summary>
    public static bool IsUrl(string path) => UrlScheme().IsMatch(path);

    /// <summary>Appends <paramref name="segments"/> to <paramref name="root"/> with the separator the root uses.</summary>
    public static string Join(string root, params ReadOnlySpan<string> segments)
    {
        var separator = UsesBackslash(root) ? '\\' : '/';
        var path = root.Length > 1 ? root.TrimEnd('/', '\\') : root;
        foreach (var segment in segments)
        {
            path = path.EndsWith(separator) ? path + segment : path + separator + segment;
        }

        return path;
    }

    /// <summary>
    /// The file extension of <paramref name="path"/> (with its dot, as written), or <see langword="null"/> when the last
    /// segment has none or an unusual one (longer than 12 characters, or not letters and digits).
    /// </summary>
    public static string? GetExtension(string path)
    {
        var name = path.AsSpan(path.LastIndexOfAny(['/', '\\']) + 1);
        var dot = name.LastIndexOf('.');
        if (dot <= 0)
        {
            return null;
        }

        var extension = name[dot..];
        return Extension().IsMatch(extension) ? extension.ToString() : null;
    }

    /// <summary>
    /// Rewrites a server path with the longest matching <see cref="MediaPathMapping.ServerPath"/> prefix into the
    /// local view; a path no mapping covers is returned unchanged.
    /// </summary>
    public static string ToLocal(string serverPath, IEnumerable<MediaPathMapping> mappings)
    {
        MediaPathMapping? best = null;
        foreach (var mapping in mappings)
        {
            if (StartsWithFolder(serverPath, mapping.ServerPath) && (best is null || mapping.ServerPath.Length > best.ServerPath.Length))
            {
                best = mapping;
            }
        }

        if (best is null)
        {
            return serverPath;
        }

        var rest = serverPath[best.ServerPath.TrimEnd('/', '\\').Length..].TrimStart('/', '\\');
        var local = rest.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        return Path.Join([best.LocalPath, .. local]);
    }

    private static bool StartsWithFolder(string path, string folder)
    {
        var prefix = folder.TrimEnd('/', '\\');
        if (prefix.Length == 0 || path.Length < prefix.Length)
        {
            return false;
        }

        // Servers on Windows compare paths case-insensitively and mix separators; treat both alike.
        var ignoreCase = UsesBackslash(folder) || WindowsDrive().IsMatch(folder);
        for (var i = 0; i < prefix.Length; i++)
        {
            if (Fold(path[i], ignoreCase) != Fold(prefix[i], ignoreCase))
            {
                return false;
            }
        }

        return path.Length == prefix.Length || path[prefix.Length] is '/' or '\\';
    }

    private static char Fold(char c, bool ignoreCase) => c == '\\' ? '/' : ignoreCase ? char.ToUpperInvariant(c) : c;

    private static bool UsesBackslash(string path) => path.Contains('\\') && !path.Contains('/');

    [GeneratedRegex(@"^[A-Za-z]:[\\/]")]
    private static partial Regex WindowsDrive();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*://")]
    private static partial Regex UrlScheme();

    [GeneratedRegex(@"^\.[A-Za-z0-9]{1,12}$")]
    private static partial Regex Extension();
}
