using Aperture.Catalog;

namespace Aperture.Storage;

/// <summary>The catalogue: libraries and movies.</summary>
public interface IMovieCatalogStore
{
    /// <summary>
    /// Adds or updates movies in one transaction. A movie is matched to a stored one by server id, else by
    /// TMDb id, else by IMDb id, else by title and year (case-insensitive; only when the year is known), so a
    /// movie whose server id changed is updated, not duplicated. The fallbacks (all but the server id) never take
    /// a stored movie that another movie of the same batch matched, or whose server id appears in the batch, so
    /// two versions of one film listed side by side stay two movies. A matched movie that was marked removed is
    /// un-marked.
    /// </summary>
    /// <param name="movies">
    /// Movies as read from the server; their <see cref="Movie.Id"/> and <see cref="Movie.RemovedAt"/> are ignored.
    /// </param>
    /// <param name="cancellationToken">Cancels; nothing of the batch is stored then.</param>
    /// <returns>
    /// Counts (by value, list contents included: see <see cref="MovieValueComparer"/>), and the stored movies
    /// (with ids) in input order.
    /// </returns>
    /// <exception cref="ArgumentException">A movie has an empty <see cref="Movie.ServerId"/> or <see cref="Movie.Title"/>.</exception>
    Task<MovieUpsertResult> UpsertMoviesAsync(IReadOnlyList<Movie> movies, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks removed every active movie of <paramref name="libraryId"/> whose server id is not in
    /// <paramref name="seenServerIds"/>. Call only after a complete listing of that library.
    /// </summary>
    /// <returns>How many movies were marked.</returns>
    Task<int> MarkMissingMoviesRemovedAsync(string libraryId, IReadOnlySet<string> seenServerIds, DateTimeOffset removedAt, CancellationToken cancellationToken = default);

    /// <summary>Reads the movies; removed ones only when <paramref name="includeRemoved"/> is set. Ordered by id.</summary>
    Task<IReadOnlyList<Movie>> GetMoviesAsync(bool includeRemoved = false, CancellationToken cancellationToken = default);

    /// <summary>Reads the movies with the given ids, removed ones included (missing ids are skipped). Ordered by id.</summary>
    Task<IReadOnlyList<Movie>> GetMoviesByIdAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default);

    /// <summary>Replaces the stored list of libraries with <paramref name="libraries"/>.</summary>
    Task SaveLibrariesAsync(IReadOnlyList<MediaLibrary> libraries, CancellationToken cancellationToken = default);

    /// <summary>Reads the stored libraries, in the order they were saved.</summary>
    Task<IReadOnlyList<MediaLibrary>> GetLibrariesAsync(CancellationToken cancellationToken = default);
}
