using System.Text.Json;
using System.Text.Json.Serialization;

namespace Aperture.MediaServers.Wire;

/// <summary>A user (<c>UserDto</c>).</summary>
internal sealed class UserDto
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public UserPolicyDto? Policy { get; set; }
}

/// <summary>
/// A user's policy. Every member Aperture does not read is kept in <see cref="Other"/>, so a policy read, changed
/// and posted back loses nothing (both servers replace the whole policy; Jellyfin rejects one without its provider ids).
/// </summary>
internal sealed class UserPolicyDto
{
    public bool IsAdministrator { get; set; }

    public bool IsDisabled { get; set; }

    public int? MaxParentalRating { get; set; }

    public bool EnableAllFolders { get; set; }

    public List<string>? EnabledFolders { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; set; }
}
