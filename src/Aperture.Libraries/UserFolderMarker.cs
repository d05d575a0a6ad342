namespace Aperture.Libraries;

/// <summary>
/// The marker file at the root of every user folder Aperture creates: the proof that Aperture owns the folder
/// (a folder without it is never written into or removed) and what it was written for.
/// </summary>
/// <param name="Version">The marker format version.</param>
/// <param name="UserId">The server's user id.</param>
/// <param name="UserName">The display name the folder was last written for.</param>
/// <param name="LibraryName">The server library name that points at the folder.</param>
/// <param name="CreatedAt">
/// When the folder was created (UTC, whole seconds). Each movie's <c>dateadded</c> is this time minus
/// (rank − 1) minutes: rank 1 is newest, and an unchanged pick keeps its date, so a rerun rewrites nothing.
/// </param>
internal sealed record UserFolderMarker(int Version, string UserId, string UserName, string LibraryName, DateTimeOffset CreatedAt)
{
    /// <summary>The marker's file name at the user folder's root (hidden, outside the scanned library folder).</summary>
    public const string FileName = ".aperture-library";

    /// <summary>The current format version.</summary>
    public const int CurrentVersion = 1;
}
