namespace Aperture.MediaServers;

/// <summary>What the media server says about itself.</summary>
/// <param name="Id">The server's id.</param>
/// <param name="Name">The server's display name.</param>
/// <param name="Kind">Emby or Jellyfin.</param>
/// <param name="Version">The server version as reported (for example <c>10.11.7</c>).</param>
public sealed record MediaServerInfo(string Id, string Name, MediaServerKind Kind, string Version)
{
    /// <summary>
    /// Whether the server follows <c>.strm</c> files that hold a local path. Jellyfin 10.11.7 and later only
    /// follow http/https/rtsp/rtp URLs; Emby and older Jellyfin follow paths.
    /// </summary>
    public bool FollowsLocalPathStrm =>
        Kind != MediaServerKind.Jellyfin
        || !System.Version.TryParse(Version, out var version)
        || version < new System.Version(10, 11, 7);
}
