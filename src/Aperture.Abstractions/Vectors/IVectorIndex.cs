namespace Aperture.Vectors;

/// <summary>
/// An exact index of movie vectors of one dimension. Rows are L2-normalised on insert, so a score is the
/// cosine similarity in [-1, 1]. Safe for any number of concurrent readers; writers are serialised and never
/// disturb a <see cref="IVectorSnapshot"/> taken before them.
/// </summary>
public interface IVectorIndex
{
    /// <summary>The vector length every row has.</summary>
    int Dimensions { get; }

    /// <summary>The number of rows.</summary>
    int Count { get; }

    /// <summary>Adds or replaces the vector of <paramref name="movieId"/>.</summary>
    /// <exception cref="ArgumentException">
    /// The vector's length is not <see cref="Dimensions"/>, or it is all zeros, or it holds a NaN or an infinity.
    /// </exception>
    void Upsert(Guid movieId, ReadOnlySpan<float> vector);

    /// <summary>Removes the vector of <paramref name="movieId"/>; returns whether it was present.</summary>
    bool Remove(Guid movieId);

    /// <summary>Whether the index holds a vector for <paramref name="movieId"/>.</summary>
    bool Contains(Guid movieId);

    /// <summary>
    /// Returns the <paramref name="k"/> rows most similar to <paramref name="query"/> (need not be normalised),
    /// best first, skipping <paramref name="exclude"/>. Ties are broken by row order, so results are deterministic.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The query's length is not <see cref="Dimensions"/>, or (when <paramref name="k"/> and the index are not zero)
    /// it is all zeros or holds a NaN or an infinity.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is negative.</exception>
    IReadOnlyList<ScoredMovie> TopK(ReadOnlySpan<float> query, int k, IReadOnlySet<Guid>? exclude = null);

    /// <summary>
    /// Returns an immutable view of the index as it is now, for bulk scoring: later writes to the index do not
    /// change it. Taking a snapshot copies nothing; the first write after it copies the rows once.
    /// </summary>
    IVectorSnapshot Snapshot();
}
