namespace Aperture.MediaServers;

/// <summary>The dialect registered last (<c>AddJellyfin</c> or <c>AddEmby</c>), which decides the authentication headers.</summary>
/// <param name="Kind">Jellyfin or Emby.</param>
internal sealed record MediaServerDialect(MediaServerKind Kind);
