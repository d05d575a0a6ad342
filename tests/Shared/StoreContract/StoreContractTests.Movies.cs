using Aperture.Catalog;
using static Aperture.Storage.Contract.StoreTestData;

namespace Aperture.Storage.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Upsert_adds_new_movies_with_ids_and_every_value_round_trips()
    {
        Movie[] movies = [Movie("a1", tmdbId: "27205", imdbId: "tt1375666"), Sparse("b2", "Sparse")];

        var result = await Store.UpsertMoviesAsync(movies);

        Assert.Equal((2, 0, 0), (result.Added, result.Updated, result.Unchanged));
        Assert.All(result.Movies, m => Assert.NotEqual(Guid.Empty, m.Id));
        Assert.NotEqual(result.Movies[0].Id, result.Movies[1].Id);
        Assert.Equal(["a1", "b2"], result.Movies.Select(m => m.ServerId));
        var stored = await Store.GetMoviesAsync();
        Assert.Equal(result.Movies.OrderBy(m => m.Id), stored, MovieValueComparer.Instance);
        Assert.Equal(movies[0] with { Id = result.Movies[0].Id }, stored.Single(m => m.ServerId == "a1"), MovieValueComparer.Instance);
    }

    [Fact]
    public async Task Upsert_of_equal_values_counts_unchanged_and_keeps_ids()
    {
        var first = await Store.UpsertMoviesAsync([Movie("a1"), Movie("b2")]);

        // New list instances with the same contents are equal values.
        var again = await Store.UpsertMoviesAsync([Movie("a1"), Movie("b2")]);

        Assert.Equal((0, 0, 2), (again.Added, again.Updated, again.Unchanged));
        Assert.Equal(first.Movies.Select(m => m.Id), again.Movies.Select(m => m.Id));
    }

    [Fact]
    public async Task Upsert_counts_a_changed_list_element_as_updated()
    {
        var first = await Store.UpsertMoviesAsync([Movie("a1"), Movie("b2")]);
        var changed = Movie("a1") with { Actors = [new CastMember("Leonardo DiCaprio", "Dom Cobb")] };

        var result = await Store.UpsertMoviesAsync([changed, Movie("b2")]);

        Assert.Equal((0, 1, 1), (result.Added, result.Updated, result.Unchanged));
        var stored = Assert.Single(await Store.GetMoviesByIdAsync([first.Movies[0].Id]));
        Assert.Equal("Dom Cobb", Assert.Single(stored.Actors).Role);
    }

    [Fact]
    public async Task Upsert_ignores_the_callers_id_and_removal_mark()
    {
        var result = await Store.UpsertMoviesAsync([Movie("a1") with { Id = Guid.NewGuid(), RemovedAt = Now }]);

        var stored = Assert.Single(await Store.GetMoviesAsync());
        Assert.Equal(result.Movies[0].Id, stored.Id);
        Assert.Null(stored.RemovedAt);
    }

    [Theory]
    [InlineData("tmdb")]
    [InlineData("imdb")]
    [InlineData("title")]
    public async Task Upsert_matches_a_movie_whose_server_id_changed(string by)
    {
        var original = by switch
        {
            "tmdb" => Movie("old", tmdbId: "27205"),
            "imdb" => Movie("old", imdbId: "tt1375666"),
            _ => Movie("old", title: "Inception", year: 2010),
        };
        var first = await Store.UpsertMoviesAsync([original]);
        var moved = original with { ServerId = "new", Title = by == "title" ? "INCEPTION" : original.Title };

        var result = await Store.UpsertMoviesAsync([moved]);

        Assert.Equal((0, 1, 0), (result.Added, result.Updated, result.Unchanged));
        var stored = Assert.Single(await Store.GetMoviesAsync(includeRemoved: true));
        Assert.Equal(first.Movies[0].Id, stored.Id);
        Assert.Equal("new", stored.ServerId);
    }

    [Fact]
    public async Task Upsert_prefers_server_id_then_tmdb_over_title()
    {
        await Store.UpsertMoviesAsync([Movie("x", title: "Dune", year: 2021), Movie("y", title: "Other", tmdbId: "438631")]);

        var result = await Store.UpsertMoviesAsync([Movie("z", title: "Dune", year: 2021, tmdbId: "438631")]);

        Assert.Equal(1, result.Updated);
        var stored = await Store.GetMoviesAsync();
        Assert.Equal(["x", "z"], stored.Select(m => m.ServerId).Order());
    }

    [Fact]
    public async Task Upsert_does_not_match_titles_without_a_year()
    {
        await Store.UpsertMoviesAsync([Movie("a", title: "Untitled", year: null)]);

        var result = await Store.UpsertMoviesAsync([Movie("b", title: "Untitled", year: null)]);

        Assert.Equal(1, result.Added);
        Assert.Equal(2, (await Store.GetMoviesAsync()).Count);
    }

    [Fact]
    public async Task Upsert_keeps_two_versions_of_one_film_in_one_batch_apart()
    {
        Movie[] versions = [Movie("hd", tmdbId: "27205", libraryId: "lib-hd"), Movie("uhd", tmdbId: "27205", libraryId: "lib-4k")];
        await Store.UpsertMoviesAsync(versions);

        var again = await Store.UpsertMoviesAsync([.. versions.Reverse()]);

        Assert.Equal((0, 0, 2), (again.Added, again.Updated, again.Unchanged));
        Assert.Equal(2, (await Store.GetMoviesAsync()).Count);
    }

    [Fact]
    public async Task Upsert_of_the_same_server_id_twice_in_one_batch_stores_one_movie()
    {
        var result = await Store.UpsertMoviesAsync([Movie("a1"), Movie("a1") with { Tagline = "Later" }]);

        Assert.Equal((1, 1, 0), (result.Added, result.Updated, result.Unchanged));
        Assert.Equal(result.Movies[0].Id, result.Movies[1].Id);
        Assert.Equal("Later", Assert.Single(await Store.GetMoviesAsync()).Tagline);
    }

    [Fact]
    public async Task Upsert_rejects_a_movie_without_server_id_and_stores_nothing_of_the_batch()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.UpsertMoviesAsync([Movie("a1"), Movie(" ")]));

        Assert.Empty(await Store.GetMoviesAsync(includeRemoved: true));
    }

    [Fact]
    public async Task Upsert_that_is_cancelled_stores_nothing()
    {
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.UpsertMoviesAsync([Movie("a1")], CancelledToken));

        Assert.Empty(await Store.GetMoviesAsync(includeRemoved: true));
    }

    [Fact]
    public async Task Missing_movies_are_marked_removed_in_their_library_only_and_unmarked_when_they_return()
    {
        var stored = await Store.UpsertMoviesAsync([Movie("a"), Movie("b"), Movie("c"), Movie("k", libraryId: "lib-kids")]);

        var marked = await Store.MarkMissingMoviesRemovedAsync("lib-movies", new HashSet<string> { "a" }, Now);
        var markedAgain = await Store.MarkMissingMoviesRemovedAsync("lib-movies", new HashSet<string> { "a" }, Now.AddDays(1));

        Assert.Equal(2, marked);
        Assert.Equal(0, markedAgain);
        Assert.Equal(["a", "k"], (await Store.GetMoviesAsync()).Select(m => m.ServerId).Order());
        var all = await Store.GetMoviesAsync(includeRemoved: true);
        Assert.Equal(Now, all.Single(m => m.ServerId == "b").RemovedAt);

        var back = await Store.UpsertMoviesAsync([Movie("b")]);

        Assert.Equal((0, 1, 0), (back.Added, back.Updated, back.Unchanged));
        Assert.Equal(stored.Movies[1].Id, back.Movies[0].Id);
        Assert.Null(back.Movies[0].RemovedAt);
        Assert.Equal(["a", "b", "k"], (await Store.GetMoviesAsync()).Select(m => m.ServerId).Order());
    }

    [Fact]
    public async Task Movies_are_read_by_id_in_id_order_with_removed_ones_and_missing_ids_skipped()
    {
        var stored = await Store.UpsertMoviesAsync([Movie("a"), Movie("b"), Movie("c")]);
        await Store.MarkMissingMoviesRemovedAsync("lib-movies", new HashSet<string> { "a", "c" }, Now);
        Guid[] ids = [stored.Movies[2].Id, Guid.NewGuid(), stored.Movies[1].Id, stored.Movies[0].Id];

        var read = await Store.GetMoviesByIdAsync(ids);

        Assert.Equal(stored.Movies.Select(m => m.Id).Order(), read.Select(m => m.Id));
        Assert.Equal(read.Select(m => m.Id).Order(), (await Store.GetMoviesAsync(includeRemoved: true)).Select(m => m.Id));
    }

    [Fact]
    public async Task Libraries_are_replaced_as_a_whole_and_read_in_saved_order()
    {
        await Store.SaveLibrariesAsync([new MediaLibrary("1", "Old", "movies", ["/old"])]);
        MediaLibrary[] libraries = [new("9", "Movies", "movies", ["/media/movies", "/media/more"]), new("2", "Mixed", null, [])];

        await Store.SaveLibrariesAsync(libraries);

        var read = await Store.GetLibrariesAsync();
        Assert.Equal(libraries.Select(l => (l.Id, l.Name, l.CollectionType)), read.Select(l => (l.Id, l.Name, l.CollectionType)));
        Assert.Equal(libraries.Select(l => l.Locations), read.Select(l => l.Locations));
    }

    [Fact]
    public async Task Concurrent_upserts_all_land()
    {
        var batches = Enumerable.Range(0, 8)
            .Select(b => Enumerable.Range(0, 25).Select(i => Movie($"m{b}-{i}")).ToArray())
            .ToArray();

        var results = await Task.WhenAll(batches.Select(batch => Task.Run(() => Store.UpsertMoviesAsync(batch))));

        Assert.Equal(200, results.Sum(r => r.Added));
        Assert.Equal(200, (await Store.GetMoviesAsync()).Count);
    }
}
