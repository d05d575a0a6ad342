using System.Globalization;
using Aperture.Catalog;

namespace Aperture.Recommendations;

/// <summary>
/// Groups copies of the same film (a 4K and a 1080p file, the same film in two libraries): movies that share a TMDb
/// id, an IMDb id, or a title and year are one film. A remake (same title, another year) is another film.
/// </summary>
internal static class FilmIdentity
{
    /// <summary>Assigns every movie a film number (0 … count − 1); copies share one.</summary>
    public static (int[] FilmOf, int FilmCount) Group(IReadOnlyList<Movie> movies)
    {
        var parent = new int[movies.Count];
        for (var i = 0; i < parent.Length; i++)
        {
            parent[i] = i;
        }

        var firstByKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < movies.Count; i++)
        {
            foreach (var key in Keys(movies[i]))
            {
                if (firstByKey.TryGetValue(key, out var other))
                {
                    Union(parent, i, other);
                }
                else
                {
                    firstByKey[key] = i;
                }
            }
        }

        var filmOf = new int[movies.Count];
        var numbers = new Dictionary<int, int>();
        for (var i = 0; i < movies.Count; i++)
        {
            var root = Find(parent, i);
            if (!numbers.TryGetValue(root, out var number))
            {
                number = numbers.Count;
                numbers[root] = number;
            }

            filmOf[i] = number;
        }

        return (filmOf, numbers.Count);
    }

    private static IEnumerable<string> Keys(Movie movie)
    {
        if (!string.IsNullOrWhiteSpace(movie.TmdbId))
        {
            yield return "tmdb:" + movie.TmdbId.Trim();
        }

        if (!string.IsNullOrWhiteSpace(movie.ImdbId))
        {
            yield return "imdb:" + movie.ImdbId.Trim().ToLowerInvariant();
        }

        if (movie.Year is { } year && !string.IsNullOrWhiteSpace(movie.Title))
        {
            yield return "title:" + NormalizeTitle(movie.Title) + "|" + year.ToString(CultureInfo.InvariantCulture);
        }
    }

    // Case, accents and punctuation differ between copies' metadata; letters and digits do not.
    private static string NormalizeTitle(string title)
    {
        var decomposed = title.Normalize(System.Text.NormalizationForm.FormD);
        var builder = new System.Text.StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }

    private static void Union(int[] parent, int a, int b)
    {
        var rootA = Find(parent, a);
        var rootB = Find(parent, b);
        if (rootA != rootB)
        {
            parent[Math.Max(rootA, rootB)] = Math.Min(rootA, rootB);
        }
    }
}
