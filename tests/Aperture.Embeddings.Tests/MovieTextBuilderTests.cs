using System.Globalization;
using Aperture.Catalog;

namespace Aperture.Embeddings.Tests;

public sealed class MovieTextBuilderTests
{
    private static readonly MovieTextBuilder Builder = new();

    private static Movie Inception() => new()
    {
        ServerId = "a1",
        Title = "Inception",
        Year = 2010,
        Tagline = "Your mind is the scene of the crime.",
        Genres = ["Action", "Science Fiction", "Adventure"],
        OfficialRating = "PG-13",
        Directors = ["Christopher Nolan"],
        Studios = ["Legendary Pictures", "Syncopy", "Warner Bros. Pictures"],
        Actors = [new CastMember("Leonardo DiCaprio", "Cobb"), new CastMember("Joseph Gordon-Levitt"), new CastMember("Elliot Page"), new CastMember("Tom Hardy")],
        Overview = "Cobb, a skilled thief who commits corporate espionage by infiltrating the subconscious of his targets, is offered a chance to regain his old life.",
        Tags = ["dream", "heist", "subconscious"],
        ProductionCountries = ["United States of America", "United Kingdom", "Canada"],
        CommunityRating = 8.4,
        RuntimeMinutes = 148,
    };

    [Fact]
    public void Builds_every_part_in_order_with_the_documented_limits()
    {
        var text = Builder.Build(Inception());

        Assert.Equal(
            """
            Inception (2010)
            Tagline: Your mind is the scene of the crime.
            Genres: Action, Science Fiction, Adventure
            Rated: PG-13
            Directed by: Christopher Nolan
            Studios: Legendary Pictures, Syncopy
            Starring: Leonardo DiCaprio, Joseph Gordon-Levitt, Elliot Page
            Overview: Cobb, a skilled thief who commits corporate espionage by infiltrating the subconscious of his targets, is offered a chance to regain his old life.
            Themes: dream, heist, subconscious
            Countries: United States of America, United Kingdom
            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public void Leaves_out_empty_parts()
    {
        var text = Builder.Build(new Movie { ServerId = "b", Title = "  Primer ", Genres = ["", "  "], Overview = "   ", Tags = [] });

        Assert.Equal("Primer", text);
    }

    [Fact]
    public void Is_the_same_under_every_culture()
    {
        var movie = Inception() with { Title = "İstanbul Hatırası", Year = 2010 };
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("en-US");
            var english = Builder.Build(movie);
            CultureInfo.CurrentCulture = new CultureInfo("tr-TR");
            var turkish = Builder.Build(movie);
            CultureInfo.CurrentCulture = new CultureInfo("ar-SA");
            var arabic = Builder.Build(movie);

            Assert.Equal(english, turkish);
            Assert.Equal(english, arabic);
            Assert.StartsWith("İstanbul Hatırası (2010)", english, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void Cosmetic_differences_do_not_change_the_text()
    {
        var composed = Inception() with { Title = "Amélie", Overview = "A shy waitress\r\n decides to  change lives." };
        var decomposed = Inception() with { Title = "Ame\u0301lie", Overview = "A shy waitress decides to change lives.  " };

        Assert.Equal(Builder.Build(composed), Builder.Build(decomposed));
    }

    [Fact]
    public void Repeated_list_entries_are_kept_once()
    {
        var text = Builder.Build(new Movie { ServerId = "c", Title = "X", Genres = ["Drama", "drama", "Crime", "Drama"] });

        Assert.Contains("Genres: Drama, Crime", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Cuts_a_long_overview_at_a_word_boundary_within_1000_characters()
    {
        var overview = string.Join(' ', Enumerable.Repeat("lorem", 400));
        var text = Builder.Build(new Movie { ServerId = "d", Title = "Long", Overview = overview });

        var kept = text.Split('\n').Single(line => line.StartsWith("Overview: ", StringComparison.Ordinal))["Overview: ".Length..];
        Assert.InRange(kept.Length, 900, MovieTextBuilder.MaxOverviewLength);
        Assert.EndsWith("lorem", kept, StringComparison.Ordinal);
    }

    [Fact]
    public void Never_splits_a_surrogate_pair()
    {
        var overview = new string('a', MovieTextBuilder.MaxOverviewLength - 1) + "😀" + "tail";
        var text = Builder.Build(new Movie { ServerId = "e", Title = "Emoji", Overview = overview });

        Assert.DoesNotContain('\uD83D', text[^1..]);
        Assert.EndsWith(new string('a', 10), text, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_at_most_ten_themes()
    {
        var text = Builder.Build(new Movie { ServerId = "f", Title = "Tags", Tags = Enumerable.Range(1, 25).Select(i => $"tag{i}").ToList() });

        Assert.Contains("Themes: tag1, tag2, tag3, tag4, tag5, tag6, tag7, tag8, tag9, tag10\n", text + "\n", StringComparison.Ordinal);
    }

    [Fact]
    public void Hash_is_the_sha256_hex_of_the_utf8_text()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Builder.Hash("abc"));
        Assert.Equal(64, Builder.Hash(new string('é', 5000)).Length);
        Assert.NotEqual(Builder.Hash("Inception (2010)"), Builder.Hash("Inception (2011)"));
    }

    [Fact]
    public void A_changed_overview_changes_the_hash()
    {
        var before = Builder.Hash(Builder.Build(Inception()));
        var after = Builder.Hash(Builder.Build(Inception() with { Overview = "A different plot." }));
        var unrelated = Builder.Hash(Builder.Build(Inception() with { CommunityRating = 9.9, RuntimeMinutes = 150 }));

        Assert.NotEqual(before, after);
        Assert.Equal(before, unrelated);
    }
}
