namespace Aperture.MediaServers.Wire;

/// <summary>The parts of a <c>BaseItemDto</c> (an item of <c>/Items</c>) that Aperture reads; both dialects.</summary>
internal sealed class BaseItemDto
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? OriginalTitle { get; set; }

    public string? SortName { get; set; }

    public string? Type { get; set; }

    public int? ProductionYear { get; set; }

    public DateTimeOffset? PremiereDate { get; set; }

    public DateTimeOffset? DateCreated { get; set; }

    public List<string>? Genres { get; set; }

    public string? Overview { get; set; }

    public List<string>? Taglines { get; set; }

    public double? CommunityRating { get; set; }

    public double? CriticRating { get; set; }

    public string? OfficialRating { get; set; }

    public long? RunTimeTicks { get; set; }

    public string? Path { get; set; }

    public string? Container { get; set; }

    public List<MediaSourceDto>? MediaSources { get; set; }

    public List<MediaStreamDto>? MediaStreams { get; set; }

    public List<NameDto>? Studios { get; set; }

    public List<PersonDto>? People { get; set; }

    public Dictionary<string, string?>? ProviderIds { get; set; }

    /// <summary>Jellyfin's tags.</summary>
    public List<string>? Tags { get; set; }

    /// <summary>Emby's tags (it answers <c>Fields=Tags</c> with <c>TagItems</c>).</summary>
    public List<NameDto>? TagItems { get; set; }

    public List<string>? ProductionLocations { get; set; }

    public Dictionary<string, string>? ImageTags { get; set; }

    public List<string>? BackdropImageTags { get; set; }

    public UserItemDataDto? UserData { get; set; }
}

/// <summary>A media source (file) of an item.</summary>
internal sealed class MediaSourceDto
{
    public string? Path { get; set; }

    public string? Container { get; set; }

    public List<MediaStreamDto>? MediaStreams { get; set; }
}

/// <summary>A stream of a media source.</summary>
internal sealed class MediaStreamDto
{
    /// <summary><c>Video</c>, <c>Audio</c>, <c>Subtitle</c>, …</summary>
    public string? Type { get; set; }

    public string? Codec { get; set; }

    public int? Width { get; set; }

    public int? Height { get; set; }

    public int? Channels { get; set; }

    public string? Language { get; set; }
}

/// <summary>A person credited on an item.</summary>
internal sealed class PersonDto
{
    public string? Name { get; set; }

    public string? Role { get; set; }

    /// <summary><c>Actor</c>, <c>Director</c>, <c>Writer</c>, …</summary>
    public string? Type { get; set; }
}

/// <summary>A named reference (studio, tag). Only the name is read: Jellyfin's ids are strings, Emby's numbers.</summary>
internal sealed class NameDto
{
    public string? Name { get; set; }
}

/// <summary>One user's data of an item (<c>UserItemDataDto</c>).</summary>
internal sealed class UserItemDataDto
{
    public double? Rating { get; set; }

    public long PlaybackPositionTicks { get; set; }

    /// <summary>Emby sends it only when <c>Fields</c> asks for <c>UserDataPlayCount</c>.</summary>
    public int? PlayCount { get; set; }

    public bool IsFavorite { get; set; }

    /// <summary>Emby sends it only when <c>Fields</c> asks for <c>UserDataLastPlayedDate</c>.</summary>
    public DateTimeOffset? LastPlayedDate { get; set; }

    public bool Played { get; set; }
}
