namespace Aperture.Catalog;

/// <summary>An actor of a movie and the role they play.</summary>
/// <param name="Name">The actor's name.</param>
/// <param name="Role">The character played, when known.</param>
public sealed record CastMember(string Name, string? Role = null);
