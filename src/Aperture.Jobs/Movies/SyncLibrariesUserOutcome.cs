using Aperture.Catalog;
using Aperture.Libraries;

namespace Aperture.Jobs.Movies;

/// <summary>What <c>sync-movie-libraries</c> did for one user.</summary>
/// <param name="UserId">The server's user id.</param>
/// <param name="UserName">The display name.</param>
/// <param name="Written">The writer's result; <see langword="null"/> when the user was skipped.</param>
/// <param name="Skipped">The picks not written, with the reason (missing from the catalogue, no file path, …).</param>
/// <param name="LibraryCreated">Whether the user's server library was created by this run.</param>
/// <param name="Scanned">Whether a scan of the library was requested.</param>
/// <param name="SkipReason">Why the whole user was skipped; <see langword="null"/> when they were processed.</param>
internal sealed record SyncLibrariesUserOutcome(
    string UserId,
    string UserName,
    LibraryWriteResult? Written,
    IReadOnlyList<SkippedMovie> Skipped,
    bool LibraryCreated,
    bool Scanned,
    string? SkipReason)
{
    /// <summary>A user whose library was left as it is.</summary>
    public static SyncLibrariesUserOutcome SkippedUser(UserAccount user, string reason) =>
        new(user.Id, user.User.Name, null, [], false, false, reason);
}
