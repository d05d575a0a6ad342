using Aperture.Catalog;

namespace Aperture.Jobs.Movies;

/// <summary>The users a per-user job processes, and those it skips.</summary>
/// <param name="Selected">The users to process, in the store's order (by name).</param>
/// <param name="Skipped">The users left out, each with the reason.</param>
internal sealed record UserSelectionResult(IReadOnlyList<UserAccount> Selected, IReadOnlyList<SkippedUser> Skipped);

/// <summary>A user a job leaves out, and why.</summary>
/// <param name="User">The user.</param>
/// <param name="Reason">Why, for people (for example "disabled on the media server").</param>
internal sealed record SkippedUser(UserAccount User, string Reason);
