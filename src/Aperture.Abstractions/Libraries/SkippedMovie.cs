namespace Aperture.Libraries;

/// <summary>A pick that was not written, and why.</summary>
/// <param name="Rank">The pick's rank.</param>
/// <param name="MovieId">Aperture's id of the movie.</param>
/// <param name="Title">The movie's display title.</param>
/// <param name="Reason">Why it was skipped, in words for an administrator.</param>
public sealed record SkippedMovie(int Rank, Guid MovieId, string Title, string Reason);
