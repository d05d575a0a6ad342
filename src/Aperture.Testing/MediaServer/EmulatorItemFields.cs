namespace Aperture.Testing;

/// <summary>
/// The optional item fields a client asks for with <c>Fields=</c>; the emulator, like the servers, leaves out those
/// not asked for.
/// </summary>
[Flags]
internal enum EmulatorItemFields
{
    None = 0,
    OriginalTitle = 1 << 0,
    DateCreated = 1 << 1,
    SortName = 1 << 2,
    MediaSources = 1 << 3,
    ProductionLocations = 1 << 4,
    Path = 1 << 5,
    Overview = 1 << 6,
    Taglines = 1 << 7,
    Genres = 1 << 8,
    ProviderIds = 1 << 9,
    ParentId = 1 << 10,
    People = 1 << 11,
    Studios = 1 << 12,
    Tags = 1 << 13,
    MediaStreams = 1 << 14,

    /// <summary>Emby only: <c>UserData.PlayCount</c> is sent only when asked for.</summary>
    UserDataPlayCount = 1 << 15,

    /// <summary>Emby only: <c>UserData.LastPlayedDate</c> is sent only when asked for.</summary>
    UserDataLastPlayedDate = 1 << 16,
}

/// <summary>Parses a <c>Fields=</c> value.</summary>
internal static class EmulatorItemFieldsParser
{
    /// <summary>Parses a comma-separated list of field names; unknown names are ignored, as the servers do.</summary>
    public static EmulatorItemFields Parse(string? fields)
    {
        var result = EmulatorItemFields.None;
        if (string.IsNullOrEmpty(fields))
        {
            return result;
        }

        foreach (var range in fields.AsSpan().Split(','))
        {
            var name = fields.AsSpan()[range].Trim();
            if (name.Length > 0 && char.IsLetter(name[0]) && Enum.TryParse<EmulatorItemFields>(name, ignoreCase: true, out var field))
            {
                result |= field;
            }
        }

        return result;
    }
}
