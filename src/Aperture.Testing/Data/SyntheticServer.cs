using Aperture.Catalog;
using Aperture.Embeddings;
using Aperture.Storage;

namespace Aperture.Testing.Data;

/// <summary>
/// A generated media server: libraries, movies with full metadata, users, their time-ordered watch histories and,
/// when asked for, movie vectors. Made by <see cref="SyntheticDataGenerator.Generate"/>.
/// </summary>
public sealed class SyntheticServer
{
    internal SyntheticServer(
        SyntheticDataOptions options,
        IReadOnlyList<MediaLibrary> libraries,
        IReadOnlyList<Movie> movies,
        IReadOnlyList<MediaUser> users,
        IReadOnlyList<SyntheticWatch> watches,
        EmbeddingModelId? model,
        IReadOnlyList<MovieVector> vectors)
    {
        Options = options;
        Libraries = libraries;
        Movies = movies;
        Users = users;
        Watches = watches;
        Model = model;
        Vectors = vectors;
    }

    /// <summary>The options the server was generated from.</summary>
    public SyntheticDataOptions Options { get; }

    /// <summary>The movie libraries: the main one, and one for the second (4K) copies.</summary>
    public IReadOnlyList<MediaLibrary> Libraries { get; }

    /// <summary>Every movie, each with a unique <see cref="Movie.Id"/> and <see cref="Movie.ServerId"/>.</summary>
    public IReadOnlyList<Movie> Movies { get; }

    /// <summary>The users, the administrator first.</summary>
    public IReadOnlyList<MediaUser> Users { get; }

    /// <summary>Every user's watch states, user by user, each user's in the order they happened.</summary>
    public IReadOnlyList<SyntheticWatch> Watches { get; }

    /// <summary>The model identity of <see cref="Vectors"/>, or <see langword="null"/> when no vectors were made.</summary>
    public EmbeddingModelId? Model { get; }

    /// <summary>One vector per movie (copies of a film get nearly the same one); empty when none were made.</summary>
    public IReadOnlyList<MovieVector> Vectors { get; }

    /// <summary>The watch states as Aperture stores them.</summary>
    public IReadOnlyList<WatchState> WatchStates => Watches.Select(w => w.ToWatchState()).ToList();

    /// <summary>
    /// Writes everything into <paramref name="store"/> (libraries, movies, users, watch states, vectors) and returns the
    /// same server with the movie ids the store assigned, so its watches and vectors match what was stored.
    /// </summary>
    public async Task<SyntheticServer> StoreAsync(IApertureStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        await store.SaveLibrariesAsync(Libraries, cancellationToken).ConfigureAwait(false);
        var upsert = await store.UpsertMoviesAsync(Movies, cancellationToken).ConfigureAwait(false);
        var ids = new Dictionary<Guid, Guid>(Movies.Count);
        for (var i = 0; i < Movies.Count; i++)
        {
            ids[Movies[i].Id] = upsert.Movies[i].Id;
        }

        var movies = Movies.Select((m, i) => m with { Id = upsert.Movies[i].Id }).ToList();
        var watches = Watches.Select(w => w with { MovieId = ids[w.MovieId] }).ToList();
        var vectors = Vectors.Select(v => v with { MovieId = ids[v.MovieId] }).ToList();
        await store.UpsertUsersAsync(Users, cancellationToken).ConfigureAwait(false);
        await store.UpsertWatchStatesAsync(watches.Select(w => w.ToWatchState()).ToList(), cancellationToken).ConfigureAwait(false);
        if (vectors.Count > 0)
        {
            await store.UpsertVectorsAsync(vectors, cancellationToken).ConfigureAwait(false);
        }

        return new SyntheticServer(Options, Libraries, movies, Users, watches, Model, vectors);
    }
}
