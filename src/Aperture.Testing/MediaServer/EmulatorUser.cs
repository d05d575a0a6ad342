namespace Aperture.Testing;

/// <summary>A user as the emulator stores it: the parts of the policy Aperture reads and writes.</summary>
internal sealed class EmulatorUser
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public bool IsDisabled { get; set; }

    public bool IsAdministrator { get; set; }

    public int? MaxParentalRating { get; set; }

    public bool EnableAllFolders { get; set; } = true;

    /// <summary>The raw <c>EnabledFolders</c> values: Jellyfin library item ids, Emby library guids.</summary>
    public List<string> EnabledFolders { get; set; } = [];

    /// <summary>The play state of each item the user touched, by item id.</summary>
    public Dictionary<string, EmulatorUserData> Data { get; } = new(StringComparer.Ordinal);
}

/// <summary>One user's data of one item (<c>UserItemDataDto</c>).</summary>
/// <param name="Played">Whether the item is played.</param>
/// <param name="PlayCount">How often it was played.</param>
/// <param name="LastPlayedDate">When it was last played.</param>
/// <param name="IsFavorite">Whether it is a favourite.</param>
/// <param name="PlaybackPositionTicks">The resume position in ticks.</param>
/// <param name="Rating">The user's rating (0–10).</param>
/// <param name="LastSaved">When this data was last saved (what <c>MinDateLastSavedForUser</c> compares).</param>
internal sealed record EmulatorUserData(
    bool Played,
    int PlayCount,
    DateTimeOffset? LastPlayedDate,
    bool IsFavorite,
    long PlaybackPositionTicks,
    double? Rating,
    DateTimeOffset LastSaved);
