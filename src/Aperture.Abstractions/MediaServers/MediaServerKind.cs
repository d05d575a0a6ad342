namespace Aperture.MediaServers;

/// <summary>The dialect of a media server.</summary>
public enum MediaServerKind
{
    /// <summary>Jellyfin (10.8 and later).</summary>
    Jellyfin,

    /// <summary>Emby Server (4.7 and later).</summary>
    Emby,
}
