using Aperture.Catalog;

namespace Aperture.Recommendations;

/// <summary>
/// Decides which movies may be recommended to a user: every active movie with a vector, minus those the user played;
/// those in progress past <see cref="RecommendationOptions.InProgressThreshold"/> of their running time; every copy of
/// those films (same TMDb or IMDb id, or same title and year); films the user disliked; movies rated above the user's
/// parental limit; and movies of libraries the user excluded or cannot access.
/// </summary>
internal static class CandidateRules
{
    // When a movie's running time is unknown, progress is judged against a typical 100-minute film.
    private static readonly TimeSpan NominalRuntime = TimeSpan.FromMinutes(100);

    /// <summary>The films (by number) the user must not be offered again.</summary>
    public static HashSet<int> ExcludedFilms(ReadOnlySpan<ResolvedWatch> watches, RecommendationDataset dataset, RecommendationOptions options)
    {
        var films = new HashSet<int>();
        foreach (var watch in watches)
        {
            if (IsWatched(watch.State, dataset.Movies[watch.Row], options) || TasteProfileBuilder.IsDisliked(watch.State, options))
            {
                films.Add(dataset.FilmOf[watch.Row]);
            }
        }

        return films;
    }

    /// <summary>Whether the state counts as watched: played, or in progress past the threshold.</summary>
    public static bool IsWatched(WatchState state, Movie movie, RecommendationOptions options)
    {
        if (state.Played || state.PlayCount > 0)
        {
            return true;
        }

        if (state.ResumePosition <= TimeSpan.Zero)
        {
            return false;
        }

        var runtime = movie.RuntimeMinutes is { } minutes && minutes > 0 ? TimeSpan.FromMinutes(minutes) : NominalRuntime;
        return state.ResumePosition >= runtime * options.InProgressThreshold;
    }
}
