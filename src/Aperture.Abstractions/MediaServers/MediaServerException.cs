namespace Aperture.MediaServers;

/// <summary>A media server call failed. Messages name the server URL and endpoint, never the API key.</summary>
public class MediaServerException : ApertureException
{
    /// <summary>Creates the exception.</summary>
    public MediaServerException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}

/// <summary>The server rejected the API key (HTTP 401 or 403). Not retried: the key must be fixed.</summary>
public sealed class MediaServerAuthenticationException : MediaServerException
{
    /// <summary>Creates the exception.</summary>
    public MediaServerAuthenticationException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}

/// <summary>The server could not be reached, or did not answer in time, after retries.</summary>
public sealed class MediaServerUnavailableException : MediaServerException
{
    /// <summary>Creates the exception.</summary>
    public MediaServerUnavailableException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}

/// <summary>The server answered, but with an unexpected status or a malformed, truncated or inconsistent body.</summary>
public sealed class MediaServerResponseException : MediaServerException
{
    /// <summary>Creates the exception.</summary>
    public MediaServerResponseException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
