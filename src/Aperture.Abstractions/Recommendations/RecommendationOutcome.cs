namespace Aperture.Recommendations;

/// <summary>What computing one user's picks came to.</summary>
public enum RecommendationOutcome
{
    /// <summary>Picks were computed (possibly fewer than asked for, when few candidates remain).</summary>
    Completed,

    /// <summary>The user has not played or favourited any movie with a vector yet: nothing to base picks on.</summary>
    NoHistory,

    /// <summary>Computing failed; the error says why. Other users are not affected.</summary>
    Failed,
}
