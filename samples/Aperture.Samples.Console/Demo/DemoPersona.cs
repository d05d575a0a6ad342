namespace Aperture.Samples.Console.Demo;

/// <summary>A demo viewer: a name and how much they like each genre (unlisted genres weigh <see cref="OtherGenres"/>).</summary>
internal sealed record DemoPersona(string Name, string Description, IReadOnlyDictionary<string, double> GenreAffinity, double OtherGenres)
{
    /// <summary>The five demo tastes, in the order users are created.</summary>
    public static IReadOnlyList<DemoPersona> All { get; } =
    [
        new("Ada", "science-fiction fan", Affinity(("Science Fiction", 6), ("Superhero", 3), ("Fantasy", 2), ("Action", 1.5), ("Adventure", 1.5)), 0.05),
        new("Ben", "comedy and romance", Affinity(("Comedy", 4), ("Romance", 5), ("Musical", 2), ("Teen", 1.5)), 0.05),
        new("Cleo", "horror fan", Affinity(("Horror", 6), ("Slasher", 4), ("Supernatural", 4), ("Thriller", 1.5), ("Mystery", 1)), 0.05),
        new("Dan", "family movie nights", Affinity(("Family", 6), ("Animation", 6), ("Adventure", 2), ("Fantasy", 2), ("Musical", 1)), 0.03),
        new("Eve", "eclectic viewer", Affinity(("Drama", 1.5), ("Documentary", 2), ("Crime", 1.5), ("Biography", 1.5), ("Western", 1.5), ("Film Noir", 2), ("War", 1.5), ("Historical", 1.5)), 0.4),
    ];

    private static Dictionary<string, double> Affinity(params (string Genre, double Weight)[] weights) =>
        weights.ToDictionary(w => w.Genre, w => w.Weight, StringComparer.OrdinalIgnoreCase);

    /// <summary>How much this persona wants to watch <paramref name="film"/>: the best genre affinity.</summary>
    public double Appeal(DemoFilm film) =>
        film.Genres.Select(g => GenreAffinity.TryGetValue(g, out var weight) ? weight : OtherGenres).DefaultIfEmpty(OtherGenres).Max();
}
