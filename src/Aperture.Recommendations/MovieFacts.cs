using Aperture.Catalog;

namespace Aperture.Recommendations;

/// <summary>
/// What the per-user loops read about each row, computed once per session as flat arrays: activity, parental
/// rating value, library number, genre numbers and quality.
/// </summary>
internal sealed class MovieFacts
{
    public MovieFacts(RecommendationDataset dataset)
    {
        var count = dataset.Movies.Length;
        IsActive = new bool[count];
        RatingValue = new int[count];
        LibraryOf = new int[count];
        GenresOf = new int[count][];
        Quality = new float[count];
        var libraries = new Dictionary<string, int>(StringComparer.Ordinal);
        var genres = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var row = 0; row < count; row++)
        {
            var movie = dataset.Movies[row];
            IsActive[row] = movie.IsActive;
            RatingValue[row] = ParentalRatings.ValueOf(movie.OfficialRating) ?? -1;
            LibraryOf[row] = movie.LibraryId is { } library ? Number(libraries, library) : -1;
            GenresOf[row] = movie.Genres.Select(g => Number(genres, g.Trim())).Distinct().ToArray();
            Quality[row] = QualityOf(movie);
        }

        Libraries = libraries.OrderBy(p => p.Value).Select(p => p.Key).ToArray();
        GenreNames = genres.OrderBy(p => p.Value).Select(p => p.Key).ToArray();
    }

    /// <summary>Whether each row is active (not marked removed).</summary>
    public bool[] IsActive { get; }

    /// <summary>Each row's parental rating value, or −1 when unknown.</summary>
    public int[] RatingValue { get; }

    /// <summary>Each row's library number (into <see cref="Libraries"/>), or −1 when unknown.</summary>
    public int[] LibraryOf { get; }

    /// <summary>The library ids by number.</summary>
    public string[] Libraries { get; }

    /// <summary>Each row's genre numbers (into <see cref="GenreNames"/>).</summary>
    public int[][] GenresOf { get; }

    /// <summary>The genre names by number.</summary>
    public string[] GenreNames { get; }

    /// <summary>Each row's quality in [0, 1], from its community and critic ratings (0.4 when it has neither).</summary>
    public float[] Quality { get; }

    /// <summary>Which libraries the user may be offered movies from, by library number.</summary>
    public bool[] AllowedLibraries(UserAccount user)
    {
        var excluded = new HashSet<string>(user.ExcludedLibraryIds, StringComparer.Ordinal);
        var access = new HashSet<string>(user.User.LibraryIds, StringComparer.Ordinal);
        return Libraries
            .Select(id => !excluded.Contains(id) && (user.User.HasAccessToAllLibraries || access.Contains(id)))
            .ToArray();
    }

    /// <summary>Whether <paramref name="row"/> may be shown to a user with these limits.</summary>
    public bool IsAllowed(int row, int? maxParentalRating, bool[] allowedLibraries) =>
        IsActive[row]
        && (maxParentalRating is not { } max || RatingValue[row] < 0 || RatingValue[row] <= max)
        && (LibraryOf[row] < 0 || allowedLibraries[LibraryOf[row]]);

    // Community rating 4 → 0 and 9 → 1 (ratings cluster between them); critic 0–100 likewise; both: 70/30.
    private static float QualityOf(Movie movie)
    {
        double? community = movie.CommunityRating is { } c ? Math.Clamp((c - 4) / 5, 0, 1) : null;
        double? critic = movie.CriticRating is { } r ? Math.Clamp((r - 30) / 60, 0, 1) : null;
        return (float)(community is { } a && critic is { } b ? (0.7 * a) + (0.3 * b) : community ?? critic ?? 0.4);
    }

    private static int Number(Dictionary<string, int> numbers, string key)
    {
        if (!numbers.TryGetValue(key, out var number))
        {
            number = numbers.Count;
            numbers[key] = number;
        }

        return number;
    }
}
