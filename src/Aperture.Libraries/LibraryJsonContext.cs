using System.Text.Json.Serialization;

namespace Aperture.Libraries;

/// <summary>Source-generated JSON for the marker file.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(UserFolderMarker))]
internal sealed partial class LibraryJsonContext : JsonSerializerContext
{
}
