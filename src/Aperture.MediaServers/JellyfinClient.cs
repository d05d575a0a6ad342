using Aperture.MediaServers.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aperture.MediaServers;

/// <summary>
/// The Jellyfin dialect (10.8 and later): documented camelCase parameters, <c>/Items?userId=</c> and
/// <c>/UserItems/Resume</c> rather than the per-user routes the spec no longer lists, library ids in policies.
/// </summary>
internal sealed class JellyfinClient(MediaServerTransport transport, IOptions<MediaServerOptions> options, ILogger<JellyfinClient> logger)
    : MediaBrowserClient(transport, options.Value, logger)
{
    protected override MediaServerKind Kind => MediaServerKind.Jellyfin;

    protected override bool CamelCaseParameters => true;

    // Jellyfin returns production year, premiere date, ratings, runtime and images without being asked, and
    // rejects names outside its ItemFields enum; MediaSources carries the container and streams.
    protected override string MovieFields =>
        "OriginalTitle,SortName,DateCreated,Overview,Taglines,Genres,Path,MediaSources,People,Studios,Tags,ProductionLocations,ProviderIds,ParentId";

    protected override bool HonoursUserSavedSince => false;

    protected override string WatchStateFields => "ProviderIds";

    protected override async Task<IReadOnlyList<VirtualFolderDto>> GetVirtualFoldersAsync(CancellationToken cancellationToken) =>
        await Transport.GetAsync("Library/VirtualFolders", MediaBrowserJsonContext.Default.ListVirtualFolderDto, cancellationToken).ConfigureAwait(false);

    protected override async Task<IReadOnlyList<UserDto>> GetUserDtosAsync(CancellationToken cancellationToken) =>
        await Transport.GetAsync("Users", MediaBrowserJsonContext.Default.ListUserDto, cancellationToken).ConfigureAwait(false);

    protected override QueryBuilder UserItemsQuery(string userId) =>
        Query("Items").Add("UserId", userId).Add("Recursive", true).Add("IncludeItemTypes", "Movie");

    protected override QueryBuilder ResumeQuery(string userId) =>
        Query("UserItems/Resume").Add("UserId", userId).Add("IncludeItemTypes", "Movie");

    protected override string PolicyFolderValue(VirtualFolderDto folder) => LibraryIdOf(folder)!;

    protected override Task CreateLibraryAsync(string name, string path, CancellationToken cancellationToken) =>
        Transport.SendAsync(
            HttpMethod.Post,
            Query("Library/VirtualFolders").Add("Name", name).Add("CollectionType", "movies").Add("Paths", path).Add("RefreshLibrary", false).ToString(),
            MediaServerTransport.Json(new AddVirtualFolderBody(), MediaBrowserJsonContext.Default.AddVirtualFolderBody),
            cancellationToken);

    protected override Task AddLibraryPathAsync(VirtualFolderDto folder, string path, CancellationToken cancellationToken) =>
        Transport.SendAsync(
            HttpMethod.Post,
            Query("Library/VirtualFolders/Paths").Add("RefreshLibrary", false).ToString(),
            MediaServerTransport.Json(new MediaPathBody { Name = folder.Name, PathInfo = new() { Path = path } }, MediaBrowserJsonContext.Default.MediaPathBody),
            cancellationToken);

    protected override Task DeleteLibraryAsync(VirtualFolderDto folder, CancellationToken cancellationToken) =>
        Transport.SendAsync(
            HttpMethod.Delete,
            Query("Library/VirtualFolders").Add("Name", folder.Name).Add("RefreshLibrary", false).ToString(),
            content: null,
            cancellationToken);

    protected override QueryBuilder RefreshQuery(string libraryId) =>
        Query($"Items/{Uri.EscapeDataString(libraryId)}/Refresh")
            .Add("MetadataRefreshMode", "Default")
            .Add("ImageRefreshMode", "Default")
            .Add("ReplaceAllMetadata", false)
            .Add("ReplaceAllImages", false);
}
