using Aperture.Catalog;

namespace Aperture.Libraries;

/// <summary>One pick to write: a movie at a rank, with the reason it was picked.</summary>
/// <param name="Rank">The pick's position, 1 = best; it prefixes the folder name and orders <c>dateadded</c>.</param>
/// <param name="Movie">The movie: title, year, path as the media server sees it, and the metadata of the <c>.nfo</c>.</param>
/// <param name="Explanation">Why it was picked, put before the plot when explanations are enabled; <see langword="null"/> for none.</param>
public sealed record LibraryEntry(int Rank, Movie Movie, string? Explanation = null);
