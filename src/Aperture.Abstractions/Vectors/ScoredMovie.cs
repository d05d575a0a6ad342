namespace Aperture.Vectors;

/// <summary>A movie and its similarity to a query.</summary>
/// <param name="MovieId">Aperture's id of the movie.</param>
/// <param name="Score">The cosine similarity, in [-1, 1].</param>
public readonly record struct ScoredMovie(Guid MovieId, float Score);
