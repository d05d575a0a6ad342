namespace Aperture.Catalog;

/// <summary>Facts of a movie's first video stream.</summary>
/// <param name="Codec">The codec, for example <c>hevc</c>, when known.</param>
/// <param name="Width">The width in pixels, when known.</param>
/// <param name="Height">The height in pixels, when known.</param>
public sealed record VideoStreamInfo(string? Codec, int? Width, int? Height);
