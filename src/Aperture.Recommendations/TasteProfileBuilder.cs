using System.Numerics.Tensors;

namespace Aperture.Recommendations;

/// <summary>Builds taste profiles from watch states.</summary>
internal static class TasteProfileBuilder
{
    // A watch's recency weight never falls below this, so an old favourite still counts.
    private const double RecencyFloor = 0.25;

    // A multi-interest profile gets one interest per this many movies, up to the option's maximum.
    private const int MoviesPerInterest = 6;

    /// <summary>
    /// The profile movies: played or favourite, not disliked, with a vector; the most recent
    /// <see cref="RecommendationOptions.RecentWatchLimit"/> of them, weighted.
    /// </summary>
    public static List<ProfileItem> SelectItems(ReadOnlySpan<ResolvedWatch> watches, RecommendationOptions options, DateTimeOffset now)
    {
        var positive = new List<ResolvedWatch>();
        foreach (var watch in watches)
        {
            var state = watch.State;
            if ((state.Played || state.PlayCount > 0 || state.IsFavorite) && !IsDisliked(state, options))
            {
                positive.Add(watch);
            }
        }

        // Newest first; a state without a date sorts last, then by row for a stable order.
        positive.Sort((a, b) =>
        {
            var byDate = Nullable.Compare(b.State.LastPlayedAt, a.State.LastPlayedAt);
            return byDate != 0 ? byDate : a.Row.CompareTo(b.Row);
        });

        var items = new List<ProfileItem>(Math.Min(positive.Count, options.RecentWatchLimit));
        foreach (var watch in positive.Take(options.RecentWatchLimit))
        {
            items.Add(new ProfileItem(watch.Row, Weight(watch.State, options, now), watch.State.IsFavorite));
        }

        return items;
    }

    /// <summary>Whether the user rated the movie at or below the dislike threshold.</summary>
    public static bool IsDisliked(Catalog.WatchState state, RecommendationOptions options) =>
        state.UserRating is { } rating && rating <= options.DislikeRatingThreshold;

    /// <summary>
    /// The weight of one watch: (1 + ½·log₁₀ plays) × favourite boost × (½ + rating/10 when rated) ×
    /// max(¼, ½^(days since last played / half-life)).
    /// </summary>
    public static double Weight(Catalog.WatchState state, RecommendationOptions options, DateTimeOffset now)
    {
        var weight = 1 + (0.5 * Math.Log10(Math.Max(state.PlayCount, 1)));
        if (state.IsFavorite)
        {
            weight *= options.FavoriteBoost;
        }

        if (state.UserRating is { } rating)
        {
            weight *= 0.5 + (Math.Clamp(rating, 0, 10) / 10);
        }

        var recency = RecencyFloor;
        if (state.LastPlayedAt is { } lastPlayed)
        {
            var days = Math.Max(0, (now - lastPlayed).TotalDays);
            recency = Math.Max(RecencyFloor, Math.Pow(0.5, days / options.RecencyHalfLifeDays));
        }

        return weight * recency;
    }

    /// <summary>Builds the profile of <paramref name="items"/> in the shape the options ask for.</summary>
    public static TasteProfile Build(List<ProfileItem> items, RecommendationDataset dataset, RecommendationOptions options)
    {
        if (items.Count == 0)
        {
            return new TasteProfile(items, []);
        }

        var interestCount = options.Profile == TasteProfileKind.Centroid
            ? 1
            : Math.Clamp(items.Count / MoviesPerInterest, 1, options.MaxInterests);
        var interests = interestCount == 1
            ? [new TasteInterest(Centroid(items, dataset, _ => true), 1)]
            : SphericalKMeans.Cluster(items, dataset, interestCount);
        return new TasteProfile(items, interests);
    }

    /// <summary>The normalised weighted mean of the items <paramref name="include"/> accepts.</summary>
    public static float[] Centroid(List<ProfileItem> items, RecommendationDataset dataset, Func<int, bool> include)
    {
        var centroid = new float[dataset.Vectors.Dimensions];
        for (var i = 0; i < items.Count; i++)
        {
            if (include(i))
            {
                TensorPrimitives.MultiplyAdd(dataset.Vectors.GetVector(items[i].Row), (float)items[i].Weight, centroid, centroid);
            }
        }

        var norm = TensorPrimitives.Norm(centroid);
        if (norm > 0)
        {
            TensorPrimitives.Divide(centroid, norm, centroid);
        }

        return centroid;
    }
}
