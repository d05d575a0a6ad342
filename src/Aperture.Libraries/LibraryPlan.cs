namespace Aperture.Libraries;

/// <summary>What one user's movie folders should hold, and the picks that cannot be written.</summary>
/// <param name="Movies">The movie folders, in rank order.</param>
/// <param name="Skipped">The picks left out, with the reason.</param>
/// <param name="InvisibleLinkTargets">Symlink mode: links whose original file Aperture cannot see at its mapped path.</param>
internal sealed record LibraryPlan(IReadOnlyList<PlannedMovie> Movies, IReadOnlyList<SkippedMovie> Skipped, int InvisibleLinkTargets);
