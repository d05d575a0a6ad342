using System.Globalization;
using System.Text;

namespace Aperture.Recommendations;

/// <summary>
/// Explains picks from a template: cites the evidence titles and the genres the pick shares with them, and says so
/// when other viewers of the server drove the pick. Deterministic, no network.
/// </summary>
internal sealed class TemplateExplainer : IPickExplainer
{
    // Above this share of relevance from co-watching, the explanation mentions the server's other viewers.
    private const double CollaborativeMention = 0.4;

    public Task<IReadOnlyList<string?>> ExplainAsync(ExplanationRequest request, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string?>>(request.Picks.Select(p => (string?)Explain(p)).ToList());

    /// <summary>The template explanation of one pick.</summary>
    public static string Explain(PickDraft pick)
    {
        var movie = pick.Movie;
        if (pick.Evidence.Count == 0)
        {
            var genre = movie.Genres.Count > 0 ? movie.Genres[0].ToLowerInvariant() : null;
            var kind = genre is null ? "film" : $"{genre} film";
            return movie.CommunityRating is { } rating
                ? $"{Capitalize(Article(kind))} {kind} rated {rating.ToString("0.0", CultureInfo.InvariantCulture)}/10 that you have not seen yet."
                : $"{Capitalize(Article(kind))} {kind} you have not seen yet.";
        }

        var titles = pick.Evidence.Select(e => $"“{e.Title}”").ToList();
        var text = new StringBuilder("Because you watched ").Append(JoinList(titles));
        var evidenceGenres = new HashSet<string>(pick.EvidenceMovies.SelectMany(m => m.Genres), StringComparer.OrdinalIgnoreCase);
        var shared = movie.Genres.Where(evidenceGenres.Contains).Take(2).Select(g => g.ToLowerInvariant()).ToList();
        if (shared.Count > 0)
        {
            var kind = $"{JoinList(shared)} film";
            text.Append(": like ").Append(pick.Evidence.Count == 1 ? "it" : "them").Append(", this is ").Append(Article(kind)).Append(' ').Append(kind).Append('.');
        }
        else
        {
            text.Append(", and this is close to ").Append(pick.Evidence.Count == 1 ? "it" : "them").Append(" in story and tone.");
        }

        if (pick.CollaborativeShare >= CollaborativeMention)
        {
            text.Append(" Viewers on this server who watched ").Append(titles[0]).Append(" often watched it too.");
        }

        return text.ToString();
    }

    private static string JoinList(IReadOnlyList<string> items) => items.Count switch
    {
        1 => items[0],
        2 => $"{items[0]} and {items[1]}",
        _ => $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}",
    };

    private static string Article(string word) => "aeiou".Contains(char.ToLowerInvariant(word[0]), StringComparison.Ordinal) ? "an" : "a";

    private static string Capitalize(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
