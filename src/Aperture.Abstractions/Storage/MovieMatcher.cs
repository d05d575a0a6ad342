using System.Globalization;
using Aperture.Catalog;

namespace Aperture.Storage;

/// <summary>
/// The matching rules of <see cref="IMovieCatalogStore.UpsertMoviesAsync"/>, over a set of stored movies: the
/// in-memory store keeps one over the whole catalogue, the SQLite store builds one per batch over the rows that
/// share a key with the batch.
/// </summary>
internal sealed class MovieMatcher
{
    private readonly Dictionary<Guid, Movie> _movies = [];
    private readonly Dictionary<string, Guid> _byServerId = new(StringComparer.Ordinal);
    private readonly MultiIndex _byTmdbId = new();
    private readonly MultiIndex _byImdbId = new();
    private readonly MultiIndex _byTitleKey = new();

    /// <summary>The movies, by id.</summary>
    public IReadOnlyDictionary<Guid, Movie> Movies => _movies;

    /// <summary>
    /// The key a title and year match on: case-insensitive (upper-cased invariantly, as
    /// <see cref="StringComparison.OrdinalIgnoreCase"/> compares), or <see langword="null"/> without a year.
    /// </summary>
    public static string? TitleKey(string title, int? year) =>
        year is { } y ? string.Create(CultureInfo.InvariantCulture, $"{title.ToUpperInvariant()}\u001f{y}") : null;

    /// <summary>Adds or replaces (by id) a stored movie.</summary>
    public void Set(Movie movie)
    {
        if (_movies.Remove(movie.Id, out var previous))
        {
            _byServerId.Remove(previous.ServerId);
            _byTmdbId.Remove(previous.TmdbId, previous.Id);
            _byImdbId.Remove(previous.ImdbId, previous.Id);
            _byTitleKey.Remove(TitleKey(previous.Title, previous.Year), previous.Id);
        }

        _movies[movie.Id] = movie;
        _byServerId[movie.ServerId] = movie.Id;
        _byTmdbId.Add(movie.TmdbId, movie.Id);
        _byImdbId.Add(movie.ImdbId, movie.Id);
        _byTitleKey.Add(TitleKey(movie.Title, movie.Year), movie.Id);
    }

    /// <summary>
    /// Applies a batch: matches each movie, adds or updates it here, and says what changed. Validate the batch
    /// first; this does not throw on valid input, so a caller that keeps its state here never half-applies one.
    /// </summary>
    /// <param name="movies">The batch, as read from the server.</param>
    /// <param name="newId">Makes the id of a movie stored for the first time.</param>
    public MovieBatch Apply(IReadOnlyList<Movie> movies, Func<Guid> newId)
    {
        var batchServerIds = movies.Select(static m => m.ServerId).ToHashSet(StringComparer.Ordinal);
        var claimed = new HashSet<Guid>();
        var stored = new Movie[movies.Count];
        var added = new List<Movie>();
        var updated = new List<Movie>();
        var unchanged = 0;
        for (var i = 0; i < movies.Count; i++)
        {
            var incoming = movies[i];
            var existing = FindMatch(incoming, batchServerIds, claimed);
            var movie = Normalize(incoming, existing?.Id ?? newId());
            if (existing is null)
            {
                Set(movie);
                added.Add(movie);
            }
            else if (MovieValueComparer.Instance.Equals(existing, movie))
            {
                movie = existing;
                unchanged++;
            }
            else
            {
                Set(movie);
                updated.Add(movie);
            }

            stored[i] = movie;
            claimed.Add(movie.Id);
        }

        // A movie added and then updated within the batch is written once, as added, with its last values.
        var addedIds = added.Select(static m => m.Id).ToHashSet();
        return new MovieBatch(
            new MovieUpsertResult(added.Count, updated.Count, unchanged, stored),
            [.. addedIds.Select(id => _movies[id])],
            [.. updated.Select(static m => m.Id).Where(id => !addedIds.Contains(id)).Distinct().Select(id => _movies[id])]);
    }

    private Movie? FindMatch(Movie incoming, HashSet<string> batchServerIds, HashSet<Guid> claimed)
    {
        if (_byServerId.TryGetValue(incoming.ServerId, out var id))
        {
            return _movies[id];
        }

        // A fallback never takes a movie the batch already claimed or will claim by its server id.
        bool Available(Guid candidate) =>
            !claimed.Contains(candidate) && !batchServerIds.Contains(_movies[candidate].ServerId);

        return _byTmdbId.Find(incoming.TmdbId, Available) is { } byTmdb ? _movies[byTmdb]
            : _byImdbId.Find(incoming.ImdbId, Available) is { } byImdb ? _movies[byImdb]
            : _byTitleKey.Find(TitleKey(incoming.Title, incoming.Year), Available) is { } byTitle ? _movies[byTitle]
            : null;
    }

    /// <summary>The movie as stored: the given id, active, and lists copied so the caller may reuse its own.</summary>
    private static Movie Normalize(Movie movie, Guid id) => movie with
    {
        Id = id,
        RemovedAt = null,
        Genres = [.. movie.Genres],
        Studios = [.. movie.Studios],
        Directors = [.. movie.Directors],
        Writers = [.. movie.Writers],
        Actors = [.. movie.Actors],
        Tags = [.. movie.Tags],
        ProductionCountries = [.. movie.ProductionCountries],
    };

    /// <summary>Key → movie ids: several stored movies may share a TMDb id, IMDb id or title and year.</summary>
    private sealed class MultiIndex
    {
        private readonly Dictionary<string, List<Guid>> _ids = new(StringComparer.Ordinal);

        public void Add(string? key, Guid id)
        {
            if (key is null)
            {
                return;
            }

            if (!_ids.TryGetValue(key, out var ids))
            {
                _ids[key] = ids = [];
            }

            ids.Add(id);
        }

        public void Remove(string? key, Guid id)
        {
            if (key is not null && _ids.TryGetValue(key, out var ids) && ids.Remove(id) && ids.Count == 0)
            {
                _ids.Remove(key);
            }
        }

        /// <summary>The lowest available id under <paramref name="key"/>, so every store picks the same candidate.</summary>
        public Guid? Find(string? key, Func<Guid, bool> available)
        {
            if (key is not null && _ids.TryGetValue(key, out var ids))
            {
                foreach (var id in ids.Order())
                {
                    if (available(id))
                    {
                        return id;
                    }
                }
            }

            return null;
        }
    }
}

/// <summary>What applying a batch changed.</summary>
/// <param name="Result">The counts and stored movies to return to the caller.</param>
/// <param name="Added">Movies to insert, each once, with their final values.</param>
/// <param name="Updated">Stored movies to update, each once, with their final values.</param>
internal sealed record MovieBatch(MovieUpsertResult Result, IReadOnlyList<Movie> Added, IReadOnlyList<Movie> Updated);
