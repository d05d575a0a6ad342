using System.Text.Json.Serialization;

namespace Aperture.MediaServers.Wire;

/// <summary>
/// Source-generated JSON for the wire types of both dialects: PascalCase as the servers write it, read
/// case-insensitively, nulls left out of request bodies.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(QueryResultDto<BaseItemDto>))]
[JsonSerializable(typeof(QueryResultDto<VirtualFolderDto>))]
[JsonSerializable(typeof(QueryResultDto<UserDto>))]
[JsonSerializable(typeof(List<VirtualFolderDto>))]
[JsonSerializable(typeof(List<UserDto>))]
[JsonSerializable(typeof(UserDto))]
[JsonSerializable(typeof(UserPolicyDto))]
[JsonSerializable(typeof(SystemInfoDto))]
[JsonSerializable(typeof(BaseItemDto))]
[JsonSerializable(typeof(AddVirtualFolderBody))]
[JsonSerializable(typeof(MediaPathBody))]
[JsonSerializable(typeof(RemoveVirtualFolderBody))]
internal sealed partial class MediaBrowserJsonContext : JsonSerializerContext
{
}
