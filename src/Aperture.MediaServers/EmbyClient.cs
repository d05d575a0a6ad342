using Aperture.MediaServers.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aperture.MediaServers;

/// <summary>
/// The Emby dialect (4.7 and later): PascalCase parameters, <c>/Users/Query</c> and
/// <c>/Library/VirtualFolders/Query</c>, per-user <c>/Users/{id}/Items</c> routes, library changes as JSON bodies
/// naming the virtual folder's <c>Id</c>, and library <c>Guid</c>s in policies.
/// </summary>
internal sealed class EmbyClient(MediaServerTransport transport, IOptions<MediaServerOptions> options, ILogger<EmbyClient> logger)
    : MediaBrowserClient(transport, options.Value, logger)
{
    protected override MediaServerKind Kind => MediaServerKind.Emby;

    protected override bool CamelCaseParameters => false;

    // Emby leaves some of these out unless asked (it ignores names it does not know).
    protected override string MovieFields =>
        "OriginalTitle,SortName,DateCreated,Overview,Taglines,Genres,Path,MediaSources,People,Studios,Tags,ProductionLocations,ProviderIds,ParentId,"
        + "ProductionYear,PremiereDate,CommunityRating,CriticRating,OfficialRating";

    // Without the two UserData fields Emby leaves out play count and last played date.
    protected override bool HonoursUserSavedSince => true;

    protected override string WatchStateFields => "ProviderIds,UserDataPlayCount,UserDataLastPlayedDate";

    protected override async Task<IReadOnlyList<VirtualFolderDto>> GetVirtualFoldersAsync(CancellationToken cancellationToken)
    {
        var result = await Transport.GetAsync("Library/VirtualFolders/Query", MediaBrowserJsonContext.Default.QueryResultDtoVirtualFolderDto, cancellationToken).ConfigureAwait(false);
        return result.Items ?? [];
    }

    protected override async Task<IReadOnlyList<UserDto>> GetUserDtosAsync(CancellationToken cancellationToken)
    {
        var result = await Transport.GetAsync("Users/Query", MediaBrowserJsonContext.Default.QueryResultDtoUserDto, cancellationToken).ConfigureAwait(false);
        return result.Items ?? [];
    }

    protected override QueryBuilder UserItemsQuery(string userId) =>
        Query($"Users/{Uri.EscapeDataString(userId)}/Items").Add("Recursive", true).Add("IncludeItemTypes", "Movie");

    protected override QueryBuilder ResumeQuery(string userId) =>
        Query($"Users/{Uri.EscapeDataString(userId)}/Items/Resume").Add("IncludeItemTypes", "Movie");

    // Emby ignores EnabledFolders entries that are not library guids.
    protected override string PolicyFolderValue(VirtualFolderDto folder) => folder.Guid ?? LibraryIdOf(folder)!;

    protected override Task CreateLibraryAsync(string name, string path, CancellationToken cancellationToken)
    {
        var body = new AddVirtualFolderBody
        {
            Name = name,
            CollectionType = "movies",
            Paths = [path],
            RefreshLibrary = false,
            LibraryOptions = new() { ContentType = "movies", PathInfos = [new() { Path = path }] },
        };

        // Emby binds its request DTO from the query as well as the body. Emby has created "mixed" libraries when the
        // collection type came in the body only, so it is repeated in the query (paths are not: one holding a comma
        // would be split there).
        return Transport.SendAsync(
            HttpMethod.Post,
            Query("Library/VirtualFolders").Add("CollectionType", "movies").ToString(),
            MediaServerTransport.Json(body, MediaBrowserJsonContext.Default.AddVirtualFolderBody),
            cancellationToken);
    }

    protected override Task AddLibraryPathAsync(VirtualFolderDto folder, string path, CancellationToken cancellationToken) =>
        Transport.SendAsync(
            HttpMethod.Post,
            "Library/VirtualFolders/Paths",
            MediaServerTransport.Json(new MediaPathBody { Id = folder.Id, Path = path, RefreshLibrary = false }, MediaBrowserJsonContext.Default.MediaPathBody),
            cancellationToken);

    protected override Task DeleteLibraryAsync(VirtualFolderDto folder, CancellationToken cancellationToken) =>
        Transport.SendAsync(
            HttpMethod.Post,
            "Library/VirtualFolders/Delete",
            MediaServerTransport.Json(new RemoveVirtualFolderBody { Id = folder.Id, RefreshLibrary = false }, MediaBrowserJsonContext.Default.RemoveVirtualFolderBody),
            cancellationToken);

    protected override QueryBuilder RefreshQuery(string libraryId) =>
        Query($"Items/{Uri.EscapeDataString(libraryId)}/Refresh")
            .Add("Recursive", true)
            .Add("MetadataRefreshMode", "Default")
            .Add("ImageRefreshMode", "Default")
            .Add("ReplaceAllMetadata", false)
            .Add("ReplaceAllImages", false);
}
