using System.Text.Json.Serialization;
using Aperture.Catalog;
using Aperture.Recommendations;

namespace Aperture.Storage.Sqlite;

/// <summary>The JSON shapes of list columns (genres, cast, evidence, counts, …), source-generated.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(CastMember[]))]
[JsonSerializable(typeof(VideoStreamInfo))]
[JsonSerializable(typeof(AudioStreamInfo))]
[JsonSerializable(typeof(PickEvidence[]))]
[JsonSerializable(typeof(Dictionary<string, long>))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;
