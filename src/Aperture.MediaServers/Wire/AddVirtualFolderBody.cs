namespace Aperture.MediaServers.Wire;

/// <summary>
/// The body of <c>POST /Library/VirtualFolders</c>: Emby takes every member here; Jellyfin takes only
/// <see cref="LibraryOptions"/> (the rest goes in its query).
/// </summary>
internal sealed class AddVirtualFolderBody
{
    public string? Name { get; set; }

    public string? CollectionType { get; set; }

    public List<string>? Paths { get; set; }

    public bool? RefreshLibrary { get; set; }

    public LibraryOptionsBody LibraryOptions { get; set; } = new();
}

/// <summary>The library options sent on creation; only what Aperture sets, the server fills in its defaults.</summary>
internal sealed class LibraryOptionsBody
{
    /// <summary>Emby's own content type of the library (<c>movies</c>); Jellyfin has no such option.</summary>
    public string? ContentType { get; set; }

    public List<MediaPathInfoBody>? PathInfos { get; set; }
}

/// <summary>A folder of a library.</summary>
internal sealed class MediaPathInfoBody
{
    public string? Path { get; set; }
}
