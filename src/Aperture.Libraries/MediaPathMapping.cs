namespace Aperture.Libraries;

/// <summary>
/// Where a folder of the media server's files appears to Aperture, when the two see them under different paths
/// (for example containers with different mounts).
/// </summary>
public sealed class MediaPathMapping
{
    /// <summary>The folder as the media server reports it, for example <c>/data/movies</c>.</summary>
    public string ServerPath { get; set; } = string.Empty;

    /// <summary>The same folder as Aperture sees it, for example <c>/media/movies</c>.</summary>
    public string LocalPath { get; set; } = string.Empty;
}
