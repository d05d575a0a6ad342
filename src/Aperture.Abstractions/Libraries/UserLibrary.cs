namespace Aperture.Libraries;

/// <summary>One user's library folder, as the writer created it.</summary>
/// <param name="UserId">The server's user id.</param>
/// <param name="UserName">The display name the folder was last written for.</param>
/// <param name="LibraryName">The media server library name for this folder (from the configured name template).</param>
/// <param name="LocalPath">The folder holding the movie folders, as Aperture sees it.</param>
/// <param name="ServerPath">The same folder as the media server sees it: the path to give the server library.</param>
public sealed record UserLibrary(string UserId, string UserName, string LibraryName, string LocalPath, string ServerPath);
