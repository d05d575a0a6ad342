using Aperture.Catalog;

namespace Aperture.Storage;

/// <summary>The outcome of a batched movie upsert.</summary>
/// <param name="Added">Movies stored for the first time.</param>
/// <param name="Updated">Movies whose stored values changed (including an un-marked removal or a new server id).</param>
/// <param name="Unchanged">Movies whose stored values were already equal.</param>
/// <param name="Movies">The stored movies, with their ids, in input order.</param>
public sealed record MovieUpsertResult(int Added, int Updated, int Unchanged, IReadOnlyList<Movie> Movies);
