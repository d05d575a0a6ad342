namespace Aperture.Testing;

/// <summary>A library (virtual folder) as the emulator stores it.</summary>
internal sealed class EmulatorLibrary
{
    /// <summary>The library's item id (the <c>ParentId</c> of its movies): Jellyfin <c>ItemId</c>, Emby <c>ItemId</c>.</summary>
    public required string ItemId { get; init; }

    /// <summary>Emby's virtual-folder id (<c>Id</c>), used to add paths and remove the folder; Jellyfin has none.</summary>
    public required string VirtualFolderId { get; init; }

    /// <summary>Emby's library guid (<c>Guid</c>), the value <c>EnabledFolders</c> holds; Jellyfin uses <see cref="ItemId"/>.</summary>
    public required string Guid { get; init; }

    public required string Name { get; init; }

    public string? CollectionType { get; init; }

    public List<string> Locations { get; } = [];
}
