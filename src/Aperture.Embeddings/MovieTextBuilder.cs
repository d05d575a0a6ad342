using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Aperture.Catalog;

namespace Aperture.Embeddings;

/// <summary>
/// Builds the embedded text of a movie: one labelled line per part, in a fixed order, empty parts left out.
/// The text depends only on the movie's values (never on the current culture), so it and its hash are stable.
/// </summary>
/// <remarks>
/// Parts: title (year), tagline, genres, content rating, directors, the first two studios, the first three
/// actors, the overview (cut at <see cref="MaxOverviewLength"/> characters), themes (the first
/// <see cref="MaxThemes"/> tags) and the first two production countries. Each value is NFC-normalised and its
/// white space collapsed, so cosmetic differences in the server's metadata do not cause a re-embedding; list
/// entries that repeat (ignoring case) are kept once.
/// </remarks>
internal sealed class MovieTextBuilder : IMovieTextBuilder
{
    /// <summary>The longest overview kept, in characters.</summary>
    public const int MaxOverviewLength = 1000;

    /// <summary>How many tags are embedded as themes; keywords past this add tokens but little meaning.</summary>
    public const int MaxThemes = 10;

    private const int MaxStudios = 2;
    private const int MaxActors = 3;
    private const int MaxCountries = 2;

    /// <inheritdoc />
    public string Build(Movie movie)
    {
        ArgumentNullException.ThrowIfNull(movie);
        var text = new StringBuilder(256 + MaxOverviewLength);

        var title = Clean(movie.Title);
        if (title.Length > 0)
        {
            text.Append(title);
            if (movie.Year is { } year)
            {
                text.Append(" (").Append(year.ToString(CultureInfo.InvariantCulture)).Append(')');
            }
        }
        else if (movie.Year is { } year)
        {
            text.Append(year.ToString(CultureInfo.InvariantCulture));
        }

        AppendLine(text, "Tagline", Clean(movie.Tagline));
        AppendList(text, "Genres", movie.Genres, int.MaxValue);
        AppendLine(text, "Rated", Clean(movie.OfficialRating));
        AppendList(text, "Directed by", movie.Directors, int.MaxValue);
        AppendList(text, "Studios", movie.Studios, MaxStudios);
        AppendList(text, "Starring", movie.Actors.Select(actor => actor.Name), MaxActors);
        AppendLine(text, "Overview", Cut(Clean(movie.Overview), MaxOverviewLength));
        AppendList(text, "Themes", movie.Tags, MaxThemes);
        AppendList(text, "Countries", movie.ProductionCountries, MaxCountries);
        return text.ToString();
    }

    /// <inheritdoc />
    /// <remarks>SHA-256 of the UTF-8 bytes, as 64 lower-case hex digits.</remarks>
    public string Hash(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var maxBytes = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = null;
        var buffer = maxBytes <= 4096 ? stackalloc byte[maxBytes] : (rented = System.Buffers.ArrayPool<byte>.Shared.Rent(maxBytes));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, buffer);
            Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer[..length], digest);
            return Convert.ToHexStringLower(digest);
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static void AppendLine(StringBuilder text, string label, string value)
    {
        if (value.Length == 0)
        {
            return;
        }

        if (text.Length > 0)
        {
            text.Append('\n');
        }

        text.Append(label).Append(": ").Append(value);
    }

    private static void AppendList(StringBuilder text, string label, IEnumerable<string?> values, int max)
    {
        var kept = new List<string>();
        foreach (var value in values)
        {
            var clean = Clean(value);
            if (clean.Length > 0 && !kept.Contains(clean, StringComparer.OrdinalIgnoreCase))
            {
                kept.Add(clean);
                if (kept.Count == max)
                {
                    break;
                }
            }
        }

        AppendLine(text, label, string.Join(", ", kept));
    }

    /// <summary>NFC-normalises <paramref name="value"/>, collapses every run of white space to one space and trims.</summary>
    private static string Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        var normalized = value.IsNormalized(NormalizationForm.FormC) ? value : value.Normalize(NormalizationForm.FormC);
        var result = new StringBuilder(normalized.Length);
        var pendingSpace = false;
        foreach (var c in normalized)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = result.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                result.Append(' ');
                pendingSpace = false;
            }

            result.Append(c);
        }

        return result.ToString();
    }

    /// <summary>
    /// Cuts <paramref name="value"/> to at most <paramref name="max"/> characters, at the last space when one is
    /// near the end (so no word is split), and never inside a surrogate pair.
    /// </summary>
    private static string Cut(string value, int max)
    {
        if (value.Length <= max)
        {
            return value;
        }

        var end = max;
        if (value[end] == ' ')
        {
            return value[..end].TrimEnd();
        }

        if (char.IsHighSurrogate(value[end - 1]))
        {
            end--;
        }

        var space = value.LastIndexOf(' ', end - 1, Math.Min(end, 100));
        return (space > 0 ? value[..space] : value[..end]).TrimEnd();
    }
}
