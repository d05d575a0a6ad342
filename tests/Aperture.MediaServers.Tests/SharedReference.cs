namespace Aperture.MediaServers.Tests;

/// <summary>
/// Finds the shared reference material beside the checkout (<c>../shared/reference</c> from the repository root),
/// which CI has and a bare clone does not; tests that need it skip when it is absent.
/// </summary>
internal static class SharedReference
{
    private static readonly Lazy<string?> s_root = new(Locate);

    /// <summary>The reference folder, or <see langword="null"/> when absent.</summary>
    public static string? Root => s_root.Value;

    /// <summary>A file under the reference folder, or <see langword="null"/> when the folder or file is absent.</summary>
    public static string? File(string relativePath) =>
        Root is { } root && Path.Combine(root, relativePath) is var path && System.IO.File.Exists(path) ? path : null;

    private static string? Locate()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(directory.FullName, "Aperture.Core.sln")))
            {
                var reference = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "reference"));
                return Directory.Exists(reference) ? reference : null;
            }
        }

        return null;
    }
}

/// <summary>A theory that is skipped, not failed, when the shared reference material is absent.</summary>
public sealed class ReferenceTheoryAttribute : TheoryAttribute
{
    public ReferenceTheoryAttribute()
    {
        if (SharedReference.Root is null)
        {
            Skip = "../shared/reference is not beside the repository (it holds the published API specs).";
        }
    }
}
