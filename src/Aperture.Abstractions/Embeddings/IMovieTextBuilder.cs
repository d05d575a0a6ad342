using Aperture.Catalog;

namespace Aperture.Embeddings;

/// <summary>Builds the text that is embedded for a movie.</summary>
public interface IMovieTextBuilder
{
    /// <summary>
    /// Builds the text for <paramref name="movie"/>: deterministic and culture-invariant (the same movie always
    /// gives the same text), with empty parts left out.
    /// </summary>
    string Build(Movie movie);

    /// <summary>A stable hash of <paramref name="text"/> (hex), stored with the vector to detect changed metadata.</summary>
    string Hash(string text);
}
