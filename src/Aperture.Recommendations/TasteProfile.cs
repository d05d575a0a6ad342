namespace Aperture.Recommendations;

/// <summary>
/// A user's taste: the watched movies it was built from with their weights, and one or more interests (unit
/// vectors with the share of the weight they stand for).
/// </summary>
/// <param name="Items">The profile movies, most recent first.</param>
/// <param name="Interests">The interests, largest share first; their shares sum to 1.</param>
internal sealed record TasteProfile(IReadOnlyList<ProfileItem> Items, IReadOnlyList<TasteInterest> Interests)
{
    /// <summary>Whether the profile is empty (the user has no usable history).</summary>
    public bool IsEmpty => Items.Count == 0;
}

/// <summary>A watched movie in a profile.</summary>
/// <param name="Row">The movie's row.</param>
/// <param name="Weight">How much it counts (play count, favourite, rating, recency).</param>
/// <param name="IsFavorite">Whether the user marked it a favourite.</param>
internal readonly record struct ProfileItem(int Row, double Weight, bool IsFavorite);

/// <summary>One interest of a profile.</summary>
/// <param name="Vector">The unit vector.</param>
/// <param name="Share">The share of the profile's weight it stands for, in (0, 1].</param>
internal sealed record TasteInterest(float[] Vector, double Share);
