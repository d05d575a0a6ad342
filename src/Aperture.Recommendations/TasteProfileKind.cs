namespace Aperture.Recommendations;

/// <summary>The shape of a user's taste profile.</summary>
public enum TasteProfileKind
{
    /// <summary>
    /// A few interests: spherical k-means over the weighted profile movies; a movie's content score is its similarity
    /// to the nearest interest. Serves people (and shared accounts) who like several unrelated things.
    /// </summary>
    MultiInterest,

    /// <summary>One weighted centroid of the profile movies (the reference system's profile).</summary>
    Centroid,
}
