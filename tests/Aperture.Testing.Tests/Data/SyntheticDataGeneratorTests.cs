using System.Numerics.Tensors;
using System.Text.Json;
using Aperture.Storage;
using Aperture.Testing.Data;

namespace Aperture.Testing.Tests.Data;

public sealed class SyntheticDataGeneratorTests
{
    private static readonly SyntheticDataOptions Options = new() { Seed = 11, MovieCount = 600, UserCount = 30, VectorDimensions = 32 };
    private static readonly Lazy<SyntheticServer> Shared = new(() => SyntheticDataGenerator.Generate(Options));

    private static SyntheticServer Server => Shared.Value;

    [Fact]
    public void The_same_options_give_the_same_server()
    {
        var again = SyntheticDataGenerator.Generate(Options);

        Assert.Equal(Fingerprint(Server), Fingerprint(again));
        Assert.Equal(Server.Vectors.Select(v => v.Vector.ToArray()), again.Vectors.Select(v => v.Vector.ToArray()));
        Assert.NotEqual(Fingerprint(Server), Fingerprint(SyntheticDataGenerator.Generate(Options with { Seed = 12 })));
    }

    [Fact]
    public void The_catalogue_is_the_same_with_or_without_vectors()
    {
        var plain = SyntheticDataGenerator.Generate(Options with { VectorDimensions = 0 });

        Assert.Equal(Fingerprint(Server), Fingerprint(plain));
        Assert.Empty(plain.Vectors);
        Assert.Null(plain.Model);
    }

    [Fact]
    public void Movies_carry_full_metadata_and_unique_ids()
    {
        var movies = Server.Movies;

        Assert.InRange(movies.Count, 600, 620);
        Assert.Equal(movies.Count, movies.Select(m => m.Id).Distinct().Count());
        Assert.Equal(movies.Count, movies.Select(m => m.ServerId).Distinct().Count());
        Assert.All(movies, m =>
        {
            Assert.Matches("^[0-9a-f]{32}$", m.ServerId);
            Assert.False(string.IsNullOrWhiteSpace(m.Title));
            Assert.InRange(m.Year!.Value, 1950, 2026);
            Assert.NotEmpty(m.Genres);
            Assert.False(string.IsNullOrWhiteSpace(m.Overview));
            Assert.NotEmpty(m.Directors);
            Assert.NotEmpty(m.Writers);
            Assert.InRange(m.Actors.Count, 1, 8);
            Assert.NotEmpty(m.Studios);
            Assert.NotEmpty(m.ProductionCountries);
            Assert.InRange(m.RuntimeMinutes!.Value, 72, 200);
            Assert.StartsWith("/media/movies", m.Path, StringComparison.Ordinal);
            Assert.Contains($"/{m.Title} ({m.Year})", m.Path, StringComparison.Ordinal);
            Assert.EndsWith(".mkv", m.Path, StringComparison.Ordinal);
            Assert.Contains(m.LibraryId, Server.Libraries.Select(l => l.Id));
            Assert.NotNull(m.Video);
            Assert.NotNull(m.DateAdded);
        });
        Assert.True(movies.Count(m => m.TmdbId is not null) > movies.Count * 0.9);
        Assert.True(movies.Count(m => m.ImdbId is not null) > movies.Count * 0.85);
        Assert.True(movies.Count(m => m.CommunityRating is not null) > movies.Count * 0.9);
        Assert.Contains(movies, m => m.OfficialRating == "R");
        Assert.Contains(movies, m => m.OfficialRating is "G" or "PG");
        Assert.All(Server.Libraries, l => Assert.True(l.IsMovieLibrary));
    }

    [Fact]
    public void A_few_films_have_a_second_copy_and_a_few_a_remake()
    {
        var copies = Server.Movies.Where(m => m.LibraryId == Server.Libraries[1].Id).ToList();
        var originals = Server.Movies.Where(m => m.LibraryId == Server.Libraries[0].Id).ToList();

        Assert.Equal(6, copies.Count);
        Assert.All(copies, copy =>
        {
            var original = Assert.Single(originals, o => o.Title == copy.Title && o.Year == copy.Year);
            Assert.True(copy.TmdbId is null || copy.TmdbId == original.TmdbId);
            Assert.Equal(3840, copy.Video!.Width);
            var similarity = TensorPrimitives.CosineSimilarity(VectorOf(copy.Id), VectorOf(original.Id));
            Assert.True(similarity > 0.99f, $"copy similarity {similarity}");
        });
        Assert.Contains(originals.GroupBy(m => m.Title), g => g.Select(m => m.Year).Distinct().Count() > 1);
        Assert.Equal(originals.Count, originals.Select(m => (m.Title.ToUpperInvariant(), m.Year)).Distinct().Count());
        Assert.Equal(originals.Count(m => m.TmdbId is not null), originals.Where(m => m.TmdbId is not null).Select(m => m.TmdbId).Distinct().Count());
    }

    [Fact]
    public void Histories_are_time_ordered_sparse_and_never_repeat_a_film()
    {
        var filmOf = Server.Movies.ToDictionary(m => m.Id, m => (m.Title, m.Year));
        var lengths = new List<int>();
        foreach (var user in Server.Users)
        {
            var watches = Server.Watches.Where(w => w.UserId == user.Id).ToList();
            var played = watches.Where(w => w.Played).ToList();
            lengths.Add(played.Count);
            Assert.True(played.Zip(played.Skip(1)).All(p => p.First.LastPlayedAt < p.Second.LastPlayedAt), "plays are in time order");
            Assert.All(watches, w => Assert.True(w.LastPlayedAt <= Options.Now));
            Assert.Equal(watches.Count, watches.Select(w => filmOf[w.MovieId]).Distinct().Count());
            Assert.All(watches, w => Assert.Equal(Server.Movies.Single(m => m.Id == w.MovieId).ServerId, w.ServerItemId));
        }

        Assert.InRange(lengths.Min(), 3, 15);
        Assert.True(lengths.Max() > 2 * lengths.Order().ElementAt(lengths.Count / 2), "history lengths are long-tailed");
        Assert.True(lengths.Sum() < Server.Movies.Count * Server.Users.Count / 5, "histories are sparse");
    }

    [Fact]
    public void Watch_states_carry_favourites_ratings_dislikes_repeats_and_progress()
    {
        var watches = Server.Watches;

        Assert.Contains(watches, w => w.IsFavorite);
        Assert.Contains(watches, w => w.PlayCount > 1);
        Assert.Contains(watches, w => w.UserRating is <= 3);
        Assert.Contains(watches, w => w.UserRating is >= 8);
        Assert.True(watches.Where(w => w.UserRating is not null).Select(w => w.UserId).Distinct().Count() < Server.Users.Count, "only some users rate");
        var inProgress = watches.Where(w => !w.Played).ToList();
        Assert.NotEmpty(inProgress);
        Assert.All(inProgress, w =>
        {
            Assert.Equal(0, w.PlayCount);
            Assert.InRange(w.ResumePosition, TimeSpan.FromSeconds(1), w.Runtime!.Value);
        });
        Assert.Contains(inProgress, w => w.ResumePosition < w.Runtime!.Value * 0.05);
        Assert.Contains(inProgress, w => w.ResumePosition > w.Runtime!.Value * 0.05);
    }

    [Fact]
    public void Popularity_is_long_tailed()
    {
        var plays = Server.Watches.Where(w => w.Played).GroupBy(w => w.MovieId).Select(g => g.Count()).OrderDescending().ToList();
        var total = plays.Sum();

        var topTenth = plays.Take(Server.Movies.Count / 10).Sum();

        Assert.True(topTenth > total * 0.35, $"the top tenth of films has {topTenth} of {total} plays");
        Assert.True(plays.Count < Server.Movies.Count, "some films are never played");
    }

    [Fact]
    public void A_users_films_are_closer_to_each_other_than_to_the_catalogue()
    {
        var inside = new List<float>();
        var outside = new List<float>();
        var random = new Random(1);
        foreach (var user in Server.Users)
        {
            var films = Server.Watches.Where(w => w.UserId == user.Id && w.Played).Select(w => VectorOf(w.MovieId)).ToList();
            for (var i = 1; i < films.Count; i++)
            {
                inside.Add(TensorPrimitives.CosineSimilarity(films[i - 1], films[i]));
                outside.Add(TensorPrimitives.CosineSimilarity(films[i], VectorOf(Server.Movies[random.Next(Server.Movies.Count)].Id)));
            }
        }

        Assert.True(inside.Average() > outside.Average() + 0.1, $"consecutive watches {inside.Average():0.00}, random pairs {outside.Average():0.00}");
    }

    [Fact]
    public void Users_include_an_administrator_and_a_parental_limit_that_their_history_respects()
    {
        var users = SyntheticDataGenerator.Generate(Options with { UserCount = 120, MovieCount = 300, VectorDimensions = 0 });

        Assert.True(users.Users[0].IsAdministrator);
        Assert.Equal(120, users.Users.Select(u => u.Name).Distinct().Count());
        var limited = users.Users.Where(u => u.MaxParentalRating is not null).ToList();
        Assert.NotEmpty(limited);
        var ratingOf = users.Movies.ToDictionary(m => m.Id, m => m.OfficialRating);
        int? Value(string? rating) => rating switch { "G" => 1, "PG" => 4, "PG-13" => 7, "R" => 9, "NC-17" => 11, "NR" => 100, _ => null };
        Assert.All(
            users.Watches.Where(w => limited.Any(u => u.Id == w.UserId)),
            w => Assert.True((Value(ratingOf[w.MovieId]) ?? 0) <= limited.Single(u => u.Id == w.UserId).MaxParentalRating));
    }

    [Fact]
    public void Emby_style_numeric_ids_can_be_asked_for()
    {
        var emby = SyntheticDataGenerator.Generate(new SyntheticDataOptions { MovieCount = 50, UserCount = 3, NumericServerIds = true });

        Assert.All(emby.Movies, m => Assert.Matches("^[0-9]+$", m.ServerId));
        Assert.All(emby.Users, u => Assert.Matches("^[0-9]+$", u.Id));
        Assert.All(emby.Libraries, l => Assert.Matches("^[0-9]+$", l.Id));
    }

    [Theory]
    [InlineData(0, 1, 0)]
    [InlineData(10, -1, 0)]
    [InlineData(10, 1, -1)]
    public void Out_of_range_options_are_refused(int movies, int users, int dimensions)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticDataGenerator.Generate(new SyntheticDataOptions { MovieCount = movies, UserCount = users, VectorDimensions = dimensions }));
    }

    [Fact]
    public async Task A_server_can_be_stored_and_keeps_its_links_under_the_stores_ids()
    {
        var store = new InMemoryApertureStore();

        var stored = await Server.StoreAsync(store);

        var movies = await store.GetMoviesAsync();
        Assert.Equal(Server.Movies.Count, movies.Count);
        Assert.Equal(movies.Select(m => m.Id).Order(), stored.Movies.Select(m => m.Id).Order());
        Assert.Equal(Server.Watches.Count, (await store.GetAllWatchStatesAsync()).Count);
        Assert.Equal(Server.Vectors.Count, (await store.GetVectorsAsync(Server.Model!.Key)).Count);
        Assert.Equal(Server.Users.Count, (await store.GetUsersAsync()).Count);
        var first = stored.Watches[0];
        Assert.Equal(first.ServerItemId, movies.Single(m => m.Id == first.MovieId).ServerId);
    }

    private static float[] VectorOf(Guid movieId) => Server.Vectors.Single(v => v.MovieId == movieId).Vector.ToArray();

    private static string Fingerprint(SyntheticServer server) =>
        JsonSerializer.Serialize(new
        {
            Movies = server.Movies.Select(m => new { m.Id, m.ServerId, m.Title, m.Year, m.Genres, m.Overview, m.TmdbId, m.ImdbId, m.CommunityRating, m.OfficialRating, m.LibraryId }),
            Users = server.Users.Select(u => new { u.Id, u.Name, u.MaxParentalRating }),
            Watches = server.Watches.Select(w => new { w.UserId, w.MovieId, w.Played, w.PlayCount, w.LastPlayedAt, w.IsFavorite, w.UserRating, w.ResumePosition }),
        });
}
