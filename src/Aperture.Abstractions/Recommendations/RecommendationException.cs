namespace Aperture.Recommendations;

/// <summary>
/// Picks cannot be computed at all (as opposed to one user failing): for example no vectors of the active embedding
/// model are stored yet. The message says what to do.
/// </summary>
public sealed class RecommendationException : ApertureException
{
    /// <summary>Creates the exception.</summary>
    public RecommendationException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
