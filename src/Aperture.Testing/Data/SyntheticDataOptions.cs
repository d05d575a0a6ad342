namespace Aperture.Testing.Data;

/// <summary>
/// The shape of a generated media server: how many movies and users, how much history, whether vectors are made.
/// The same options and <see cref="Seed"/> always give the same server, byte for byte.
/// </summary>
public sealed record SyntheticDataOptions
{
    /// <summary>The seed of every random choice.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Distinct films in the catalogue (copies and remakes come on top), 1 or more.</summary>
    public int MovieCount { get; init; } = 2_000;

    /// <summary>Users of the server, 0 or more; the first is the administrator.</summary>
    public int UserCount { get; init; } = 20;

    /// <summary>
    /// The length of the generated vectors; 0 makes none (an embedding pipeline makes them instead).
    /// Vectors follow the catalogue's hidden taste clusters, so similar films are near each other.
    /// </summary>
    public int VectorDimensions { get; init; }

    /// <summary>The moment histories end at ("now" for the server), UTC.</summary>
    public DateTimeOffset Now { get; init; } = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The median number of movies a user has played (histories are long-tailed around it).</summary>
    public int MedianHistoryLength { get; init; } = 30;

    /// <summary>The share of films that also exist as a second copy (a 4K or remux file of the same film).</summary>
    public double DuplicateShare { get; init; } = 0.01;

    /// <summary>The share of films that have a remake: another film with the same title and a different year.</summary>
    public double RemakeShare { get; init; } = 0.01;

    /// <summary>
    /// Whether server ids are Emby-style numeric strings; otherwise Jellyfin-style 32 hex digits.
    /// </summary>
    public bool NumericServerIds { get; init; }

    /// <summary>The number of hidden taste clusters (topics) films and users are drawn from, 2 or more.</summary>
    public int TopicCount { get; init; } = 24;
}
