namespace Aperture.MediaServers.Wire;

/// <summary>A library (<c>VirtualFolderInfo</c>).</summary>
internal sealed class VirtualFolderDto
{
    public string? Name { get; set; }

    public List<string>? Locations { get; set; }

    public string? CollectionType { get; set; }

    /// <summary>The library's item id: the <c>ParentId</c> of its items (both dialects).</summary>
    public string? ItemId { get; set; }

    /// <summary>Emby's virtual-folder id, which its path and delete calls take; absent on Jellyfin.</summary>
    public string? Id { get; set; }

    /// <summary>Emby's library guid, which a user policy's <c>EnabledFolders</c> holds; absent on Jellyfin.</summary>
    public string? Guid { get; set; }
}
