using Aperture.Catalog;

namespace Aperture.Recommendations.Tests;

public sealed class FilmIdentityTests
{
    private static Movie Movie(string title, int? year, string? tmdb = null, string? imdb = null) =>
        new() { ServerId = Guid.NewGuid().ToString("N"), Title = title, Year = year, TmdbId = tmdb, ImdbId = imdb };

    [Fact]
    public void Copies_share_a_film_through_any_key_and_transitively()
    {
        Movie[] movies =
        [
            Movie("Heat", 1995, tmdb: "949"),
            Movie("Heat (Director's Cut)", 1995, tmdb: "949", imdb: "tt0113277"),
            Movie("HEAT 4K", 1996, imdb: "tt0113277"),
            Movie("heat", 1995),
            Movie("Heat", 1986),
            Movie("Heat", null),
            Movie("Heat", null),
        ];

        var (filmOf, count) = FilmIdentity.Group(movies);

        Assert.Equal([0, 0, 0, 0, 1, 2, 3], filmOf);
        Assert.Equal(4, count);
    }

    [Theory]
    [InlineData("PG-13", 7)]
    [InlineData("us-r", 9)]
    [InlineData(" G ", 1)]
    [InlineData("Not Rated", 100)]
    [InlineData("TV-MA", 9)]
    [InlineData("FSK-16", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Official_ratings_map_to_the_servers_numeric_scale(string? rating, int? value)
    {
        Assert.Equal(value, ParentalRatings.ValueOf(rating));
    }
}
