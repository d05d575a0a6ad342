namespace Aperture;

/// <summary>
/// The base of every error Aperture.Core raises on purpose. Its message says what went wrong and what to do,
/// and never contains a secret.
/// </summary>
public class ApertureException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ApertureException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
