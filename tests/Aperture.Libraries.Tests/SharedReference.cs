namespace Aperture.Libraries.Tests;

/// <summary>
/// The optional reference material beside the checkout (<c>../shared/reference</c>); tests that compare against it
/// skip when it is absent, so the suite passes on a machine that has only the repository.
/// </summary>
internal static class SharedReference
{
    /// <summary>The real .nfo samples folder, or <see langword="null"/> when it is not there.</summary>
    public static string? NfoSamples { get; } = Find(Path.Join("reference", "nfo-samples"));

    private static string? Find(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Join(directory.FullName, "Aperture.Core.sln")))
            {
                var candidate = Path.GetFullPath(Path.Join(directory.FullName, "..", "shared", relative));
                return Directory.Exists(candidate) ? candidate : null;
            }
        }

        return null;
    }
}

/// <summary>A fact that needs <c>../shared/reference/nfo-samples</c>; skipped when it is absent.</summary>
public sealed class NfoSamplesFactAttribute : FactAttribute
{
    public NfoSamplesFactAttribute()
    {
        if (SharedReference.NfoSamples is null)
        {
            Skip = "../shared/reference/nfo-samples is not beside the checkout.";
        }
    }
}
