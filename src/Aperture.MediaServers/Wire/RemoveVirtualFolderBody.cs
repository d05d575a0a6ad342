namespace Aperture.MediaServers.Wire;

/// <summary>The body of Emby's <c>POST /Library/VirtualFolders/Delete</c>.</summary>
internal sealed class RemoveVirtualFolderBody
{
    public string? Id { get; set; }

    public bool RefreshLibrary { get; set; }
}
