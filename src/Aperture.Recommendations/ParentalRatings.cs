namespace Aperture.Recommendations;

/// <summary>
/// Maps official ratings to the media servers' numeric scale (G = 1, PG = 4, PG-13 = 7, R = 9, NC-17 = 11; not rated
/// = 100), the scale of <see cref="Catalog.MediaUser.MaxParentalRating"/>. An unknown rating has no value and passes
/// every limit, as on the servers themselves.
/// </summary>
internal static class ParentalRatings
{
    private static readonly Dictionary<string, int> Values = new(StringComparer.OrdinalIgnoreCase)
    {
        ["G"] = 1,
        ["TV-Y"] = 1,
        ["TV-G"] = 1,
        ["TV-Y7"] = 3,
        ["TV-Y7-FV"] = 3,
        ["PG"] = 4,
        ["TV-PG"] = 4,
        ["PG-13"] = 7,
        ["TV-14"] = 7,
        ["R"] = 9,
        ["TV-MA"] = 9,
        ["NC-17"] = 11,
        ["X"] = 11,
        ["XXX"] = 11,
        ["NR"] = 100,
        ["Not Rated"] = 100,
        ["Unrated"] = 100,
        ["UR"] = 100,
    };

    /// <summary>The value of <paramref name="officialRating"/>, or <see langword="null"/> when it is unknown or absent.</summary>
    public static int? ValueOf(string? officialRating)
    {
        if (string.IsNullOrWhiteSpace(officialRating))
        {
            return null;
        }

        var rating = officialRating.Trim();

        // Servers sometimes prefix the country ("US-PG-13", "us-R").
        if (rating.Length > 3 && rating[2] == '-' && char.IsLetter(rating[0]) && char.IsLetter(rating[1])
            && Values.TryGetValue(rating[3..], out var prefixed))
        {
            return prefixed;
        }

        return Values.TryGetValue(rating, out var value) ? value : null;
    }

    /// <summary>Whether a movie rated <paramref name="officialRating"/> may be shown under <paramref name="maxParentalRating"/>.</summary>
    public static bool IsAllowed(string? officialRating, int? maxParentalRating) =>
        maxParentalRating is not { } max || ValueOf(officialRating) is not { } value || value <= max;
}
