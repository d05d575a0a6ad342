namespace Aperture.Catalog;

/// <summary>A media server user as Aperture tracks them: the server's facts plus Aperture's own settings.</summary>
/// <param name="User">The user as the media server last described them.</param>
/// <param name="IsEnabled">
/// Aperture's per-user switch (default <see langword="true"/> for a new user). An application can turn a user
/// off; every job skips a user that is off here or disabled on the server.
/// </param>
/// <param name="ExcludedLibraryIds">Libraries whose movies are never recommended to this user.</param>
public sealed record UserAccount(MediaUser User, bool IsEnabled, IReadOnlyList<string> ExcludedLibraryIds)
{
    /// <summary>The server's user id.</summary>
    public string Id => User.Id;

    /// <summary>Whether the jobs process this user: enabled in Aperture and not disabled on the server.</summary>
    public bool IsActive => IsEnabled && !User.IsDisabled;
}
