namespace Aperture.MediaServers.Wire;

/// <summary>
/// The body of <c>POST /Library/VirtualFolders/Paths</c>: Jellyfin names the library (<see cref="Name"/>) and
/// sends <see cref="PathInfo"/>; Emby names the virtual folder by <see cref="Id"/> and sends <see cref="Path"/>.
/// </summary>
internal sealed class MediaPathBody
{
    public string? Name { get; set; }

    public string? Id { get; set; }

    public string? Path { get; set; }

    public MediaPathInfoBody? PathInfo { get; set; }

    public bool? RefreshLibrary { get; set; }
}
