namespace Aperture.Catalog;

/// <summary>Facts of a movie's first audio stream.</summary>
/// <param name="Codec">The codec, for example <c>eac3</c>, when known.</param>
/// <param name="Channels">The channel count, when known.</param>
/// <param name="Language">The language code, when known.</param>
public sealed record AudioStreamInfo(string? Codec, int? Channels, string? Language);
