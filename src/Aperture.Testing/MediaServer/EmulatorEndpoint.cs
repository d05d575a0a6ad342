namespace Aperture.Testing;

/// <summary>The endpoints a <see cref="MediaServerEmulator"/> serves, for matching faults and reading recorded requests.</summary>
public enum EmulatorEndpoint
{
    /// <summary>Matches every endpoint (faults only).</summary>
    Any,

    /// <summary>A route the emulator does not serve (answered 404).</summary>
    Unknown,

    /// <summary><c>GET /System/Info</c> (and <c>/System/Info/Public</c>).</summary>
    SystemInfo,

    /// <summary>The library list: Jellyfin <c>GET /Library/VirtualFolders</c>, Emby <c>GET /Library/VirtualFolders/Query</c>.</summary>
    Libraries,

    /// <summary>The user list: Jellyfin <c>GET /Users</c>, Emby <c>GET /Users/Query</c>.</summary>
    Users,

    /// <summary><c>GET /Users/{id}</c>.</summary>
    User,

    /// <summary>The catalogue listing without a user: <c>GET /Items</c>.</summary>
    Movies,

    /// <summary>A user's items: <c>GET /Items?userId=</c> or <c>GET /Users/{id}/Items</c>.</summary>
    UserItems,

    /// <summary>A user's resume list: Jellyfin <c>GET /UserItems/Resume</c>, either dialect <c>GET /Users/{id}/Items/Resume</c>.</summary>
    Resume,

    /// <summary><c>POST /Library/VirtualFolders</c>.</summary>
    CreateLibrary,

    /// <summary><c>POST /Library/VirtualFolders/Paths</c>.</summary>
    AddLibraryPath,

    /// <summary>Jellyfin <c>DELETE /Library/VirtualFolders</c>, Emby <c>POST /Library/VirtualFolders/Delete</c>.</summary>
    RemoveLibrary,

    /// <summary><c>POST /Users/{id}/Policy</c>.</summary>
    UpdateUserPolicy,

    /// <summary><c>POST /Items/{id}/Refresh</c>.</summary>
    RefreshItem,
}
