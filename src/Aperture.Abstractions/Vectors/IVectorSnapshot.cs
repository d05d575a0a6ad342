namespace Aperture.Vectors;

/// <summary>
/// An immutable view of a <see cref="IVectorIndex"/>: rows in a fixed order, each L2-normalised, scored in bulk.
/// Safe for any number of concurrent readers.
/// </summary>
/// <remarks>
/// Scores are cosine similarities in [-1, 1] (rows are normalised; a query's length does not change the ranking,
/// only the scale: pass a normalised query to read the scores as cosines).
/// </remarks>
public interface IVectorSnapshot
{
    /// <summary>The vector length every row has.</summary>
    int Dimensions { get; }

    /// <summary>The number of rows.</summary>
    int Count { get; }

    /// <summary>The movie of each row, in row order (<c>MovieIds[row]</c>).</summary>
    IReadOnlyList<Guid> MovieIds { get; }

    /// <summary>Finds the row of <paramref name="movieId"/>; returns whether it is present.</summary>
    bool TryGetRow(Guid movieId, out int row);

    /// <summary>The normalised vector of <paramref name="row"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="row"/> is not in [0, <see cref="Count"/>).</exception>
    ReadOnlySpan<float> GetVector(int row);

    /// <summary>Writes the dot product of <paramref name="query"/> with every row into <paramref name="scores"/>, in row order.</summary>
    /// <exception cref="ArgumentException">
    /// The query's length is not <see cref="Dimensions"/>, or <paramref name="scores"/> is shorter than <see cref="Count"/>.
    /// </exception>
    void Score(ReadOnlySpan<float> query, Span<float> scores);

    /// <summary>
    /// Scores several queries against every row in one pass over the rows, reusing each block of rows while it is
    /// in cache (much faster than one <see cref="Score"/> per query when there are many queries).
    /// </summary>
    /// <param name="queries">The queries, one after another (<c>queryCount × Dimensions</c> values).</param>
    /// <param name="scores">
    /// Receives the scores query by query: the score of query <c>q</c> with row <c>r</c> lands at <c>q × Count + r</c>
    /// (at least <c>queryCount × Count</c> values).
    /// </param>
    /// <exception cref="ArgumentException">
    /// The length of <paramref name="queries"/> is not a multiple of <see cref="Dimensions"/>, or
    /// <paramref name="scores"/> is too short.
    /// </exception>
    void ScoreMany(ReadOnlySpan<float> queries, Span<float> scores);

    /// <summary>
    /// Returns the <paramref name="k"/> rows most similar to <paramref name="query"/>, best first, skipping
    /// <paramref name="exclude"/>; ties are broken by row order.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The query's length is not <see cref="Dimensions"/>, or (when <paramref name="k"/> and the index are not zero)
    /// it is all zeros or holds a NaN or an infinity.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is negative.</exception>
    IReadOnlyList<ScoredMovie> TopK(ReadOnlySpan<float> query, int k, IReadOnlySet<Guid>? exclude = null);
}
