using Aperture.Catalog;

namespace Aperture.Storage;

/// <summary>The media server's users and Aperture's per-user settings.</summary>
public interface IUserStore
{
    /// <summary>
    /// Adds or updates users from the server. A new user starts enabled with no excluded libraries; an existing
    /// user's Aperture settings (enabled flag, excluded libraries) are kept.
    /// </summary>
    Task UpsertUsersAsync(IReadOnlyList<MediaUser> users, CancellationToken cancellationToken = default);

    /// <summary>Reads every known user, ordered by name (case-insensitive), then id.</summary>
    Task<IReadOnlyList<UserAccount>> GetUsersAsync(CancellationToken cancellationToken = default);

    /// <summary>Turns a user on or off for every job.</summary>
    /// <exception cref="KeyNotFoundException">No such user.</exception>
    Task SetUserEnabledAsync(string userId, bool enabled, CancellationToken cancellationToken = default);

    /// <summary>Sets the libraries never recommended to a user.</summary>
    /// <exception cref="KeyNotFoundException">No such user.</exception>
    Task SetExcludedLibrariesAsync(string userId, IReadOnlyList<string> libraryIds, CancellationToken cancellationToken = default);
}
