namespace Aperture.Storage;

/// <summary>
/// The store cannot be opened or written: a corrupt or foreign file, a folder that cannot be written, a file
/// from a newer version, a lock held too long. The message names the file and what to do.
/// </summary>
public sealed class StoreException : ApertureException
{
    /// <summary>Creates the exception.</summary>
    public StoreException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
