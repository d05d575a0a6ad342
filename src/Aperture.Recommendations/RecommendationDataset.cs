using Aperture.Catalog;
using Aperture.Embeddings;
using Aperture.Vectors;

namespace Aperture.Recommendations;

/// <summary>
/// One consistent snapshot of what a run reads: the movies that have a vector of the active model (rows of the
/// vector snapshot, in the same order), their film groups, and every user's watch states resolved to rows.
/// </summary>
internal sealed class RecommendationDataset
{
    private RecommendationDataset(
        string modelKey,
        IVectorSnapshot vectors,
        Movie[] movies,
        int[] filmOf,
        int filmCount,
        Dictionary<string, ResolvedWatch[]> watchesByUser,
        DateTimeOffset now,
        int skippedVectors)
    {
        SkippedVectors = skippedVectors;
        ModelKey = modelKey;
        Vectors = vectors;
        Movies = movies;
        FilmOf = filmOf;
        FilmCount = filmCount;
        WatchesByUser = watchesByUser;
        Now = now;
    }

    /// <summary>The embedding model key (<c>provider:model</c>) of the vectors.</summary>
    public string ModelKey { get; }

    /// <summary>The vectors; row r belongs to <see cref="Movies"/>[r].</summary>
    public IVectorSnapshot Vectors { get; }

    /// <summary>The movies by row (removed ones too: they still describe a user's taste, but are never picked).</summary>
    public Movie[] Movies { get; }

    /// <summary>The film number of each row; copies of one film share it.</summary>
    public int[] FilmOf { get; }

    /// <summary>How many distinct films the rows hold.</summary>
    public int FilmCount { get; }

    /// <summary>Every user's watch states whose movie has a row, by user id.</summary>
    public Dictionary<string, ResolvedWatch[]> WatchesByUser { get; }

    /// <summary>How many vectors were skipped (wrong length, unknown movie, zero or not finite).</summary>
    public int SkippedVectors { get; }

    /// <summary>The moment recency is measured from.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>
    /// Builds the snapshot. Vectors whose length differs from the model's dimensions, or whose movie is unknown, are
    /// skipped; so are watch states of movies without a vector.
    /// </summary>
    public static RecommendationDataset Create(
        EmbeddingModelId model,
        IReadOnlyList<Movie> movies,
        IReadOnlyList<MovieVector> vectors,
        IEnumerable<WatchState> watchStates,
        DateTimeOffset now)
    {
        var byId = new Dictionary<Guid, Movie>(movies.Count);
        foreach (var movie in movies)
        {
            byId[movie.Id] = movie;
        }

        var index = VectorIndex.Create(model.Dimensions, vectors.Count);
        var skipped = 0;

        // Rows in server-id order: ties then break the same way whatever ids the store assigned.
        foreach (var vector in vectors.OrderBy(v => byId.TryGetValue(v.MovieId, out var m) ? m.ServerId : null, StringComparer.Ordinal).ThenBy(v => v.MovieId))
        {
            if (vector.Vector.Length == model.Dimensions && byId.ContainsKey(vector.MovieId) && IsUsable(vector.Vector.Span))
            {
                index.Upsert(vector.MovieId, vector.Vector.Span);
            }
            else
            {
                skipped++;
            }
        }

        var snapshot = index.Snapshot();
        var rowMovies = new Movie[snapshot.Count];
        for (var row = 0; row < rowMovies.Length; row++)
        {
            rowMovies[row] = byId[snapshot.MovieIds[row]];
        }

        var (filmOf, filmCount) = FilmIdentity.Group(rowMovies);
        return new RecommendationDataset(model.Key, snapshot, rowMovies, filmOf, filmCount, Resolve(watchStates, snapshot), now, skipped);
    }

    private static Dictionary<string, ResolvedWatch[]> Resolve(IEnumerable<WatchState> watchStates, IVectorSnapshot vectors)
    {
        var watchesByUser = new Dictionary<string, ResolvedWatch[]>(StringComparer.Ordinal);
        foreach (var group in watchStates.GroupBy(s => s.UserId, StringComparer.Ordinal))
        {
            var resolved = new List<ResolvedWatch>();
            foreach (var state in group)
            {
                if (vectors.TryGetRow(state.MovieId, out var row))
                {
                    resolved.Add(new ResolvedWatch(state, row));
                }
            }

            watchesByUser[group.Key] = resolved.ToArray();
        }

        return watchesByUser;
    }

    /// <summary>The same movies and vectors with other watch states (for evaluation's held-out histories).</summary>
    public RecommendationDataset WithWatchStates(IEnumerable<WatchState> watchStates) =>
        new(ModelKey, Vectors, Movies, FilmOf, FilmCount, Resolve(watchStates, Vectors), Now, SkippedVectors);

    /// <summary>The user's watch states that have a row; empty when none.</summary>
    public ResolvedWatch[] WatchesOf(string userId) =>
        WatchesByUser.TryGetValue(userId, out var watches) ? watches : [];

    // A stored vector that is all zeros or not finite cannot be compared; it is skipped like a missing one.
    private static bool IsUsable(ReadOnlySpan<float> vector)
    {
        var any = false;
        foreach (var value in vector)
        {
            if (!float.IsFinite(value))
            {
                return false;
            }

            any |= value != 0;
        }

        return any;
    }
}

/// <summary>A watch state and the row of its movie.</summary>
/// <param name="State">The state.</param>
/// <param name="Row">The movie's row in the dataset.</param>
internal readonly record struct ResolvedWatch(WatchState State, int Row);
