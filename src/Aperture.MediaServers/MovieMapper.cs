using System.Text.RegularExpressions;
using Aperture.Catalog;
using Aperture.MediaServers.Wire;

namespace Aperture.MediaServers;

/// <summary>Maps the servers' item JSON to Aperture's records; shared by both dialects.</summary>
internal static partial class MovieMapper
{
    /// <summary>Server ticks per minute (a tick is 100 ns).</summary>
    public const double TicksPerMinute = 600_000_000d;

    /// <summary>Maps a movie item listed in <paramref name="libraryId"/>.</summary>
    /// <param name="item">The item, with the fields of the movie listing.</param>
    /// <param name="libraryId">The library it was listed in.</param>
    /// <param name="baseUri">The server's base address (ending with a slash), for image URLs.</param>
    public static Movie ToMovie(BaseItemDto item, string libraryId, Uri baseUri)
    {
        var id = item.Id!;
        var source = item.MediaSources is [var first, ..] ? first : null;
        var streams = source?.MediaStreams ?? item.MediaStreams;
        var video = streams?.FirstOrDefault(s => IsType(s, "Video"));
        var audio = streams?.FirstOrDefault(s => IsType(s, "Audio"));
        var posterTag = item.ImageTags?.GetValueOrDefault("Primary");
        var backdropTag = item.BackdropImageTags is [var firstBackdrop, ..] ? firstBackdrop : item.ImageTags?.GetValueOrDefault("Backdrop");

        return new Movie
        {
            ServerId = id,
            LibraryId = libraryId,
            Title = NullIfBlank(item.Name) ?? NullIfBlank(item.OriginalTitle) ?? id,
            OriginalTitle = NullIfBlank(item.OriginalTitle),
            SortTitle = NullIfBlank(item.SortName),
            Year = item.ProductionYear is > 0 ? item.ProductionYear : null,
            PremiereDate = item.PremiereDate is { } premiere ? DateOnly.FromDateTime(premiere.UtcDateTime) : null,
            Genres = Clean(item.Genres),
            Overview = NullIfBlank(item.Overview),
            Tagline = item.Taglines?.Select(NullIfBlank).FirstOrDefault(t => t is not null),
            CommunityRating = item.CommunityRating,
            CriticRating = item.CriticRating,
            OfficialRating = NullIfBlank(item.OfficialRating),
            RuntimeMinutes = ToMinutes(item.RunTimeTicks),
            Path = NullIfBlank(item.Path) ?? NullIfBlank(source?.Path),
            Container = NullIfBlank(source?.Container) ?? NullIfBlank(item.Container),
            Video = video is null ? null : new VideoStreamInfo(NullIfBlank(video.Codec), video.Width, video.Height),
            Audio = audio is null ? null : new AudioStreamInfo(NullIfBlank(audio.Codec), audio.Channels, NullIfBlank(audio.Language)),
            Studios = Clean(item.Studios?.Select(s => s.Name)),
            Directors = People(item, "Director"),
            Writers = People(item, "Writer"),
            Actors = [.. (item.People ?? []).Where(p => IsPerson(p, "Actor")).Select(p => new CastMember(p.Name!.Trim(), NullIfBlank(p.Role)))],
            ImdbId = ImdbId(item.ProviderIds),
            TmdbId = TmdbId(item.ProviderIds),
            Tags = Clean(item.Tags ?? item.TagItems?.Select(t => t.Name)),
            ProductionCountries = Clean(item.ProductionLocations),
            PosterUrl = posterTag is null ? null : ImageUrl(baseUri, id, "Primary", posterTag),
            BackdropUrl = backdropTag is null ? null : ImageUrl(baseUri, id, "Backdrop", backdropTag),
            DateAdded = item.DateCreated,
        };
    }

    /// <summary>Maps an item of a user's listing to that user's watch state.</summary>
    public static MediaWatchState ToWatchState(BaseItemDto item)
    {
        var data = item.UserData;
        return new MediaWatchState
        {
            ServerItemId = item.Id!,
            ImdbId = ImdbId(item.ProviderIds),
            TmdbId = TmdbId(item.ProviderIds),
            Played = data?.Played ?? false,
            PlayCount = Math.Max(0, data?.PlayCount ?? 0),
            LastPlayedAt = data?.LastPlayedDate,
            IsFavorite = data?.IsFavorite ?? false,
            ResumePosition = data is { PlaybackPositionTicks: > 0 } ? TimeSpan.FromTicks(data.PlaybackPositionTicks) : TimeSpan.Zero,
            Runtime = item.RunTimeTicks is > 0 and var ticks ? TimeSpan.FromTicks(ticks) : null,
            UserRating = data?.Rating,
        };
    }

    /// <summary>Converts server ticks to whole minutes, rounding half away from zero; <see langword="null"/> when unknown.</summary>
    public static int? ToMinutes(long? ticks) =>
        ticks is > 0 and var value ? (int)Math.Round(value / TicksPerMinute, MidpointRounding.AwayFromZero) : null;

    private static Uri ImageUrl(Uri baseUri, string id, string type, string tag) =>
        new(baseUri, $"Items/{Uri.EscapeDataString(id)}/Images/{type}?tag={Uri.EscapeDataString(tag)}");

    private static string? ImdbId(Dictionary<string, string?>? ids) =>
        ProviderId(ids, "Imdb") is { } value && ImdbPattern().IsMatch(value) ? value : null;

    private static string? TmdbId(Dictionary<string, string?>? ids) =>
        ProviderId(ids, "Tmdb") is { } value && TmdbPattern().IsMatch(value) ? value : null;

    private static string? ProviderId(Dictionary<string, string?>? ids, string name) =>
        ids?.FirstOrDefault(pair => pair.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value?.Trim();

    private static IReadOnlyList<string> People(BaseItemDto item, string type) =>
        Clean((item.People ?? []).Where(p => IsPerson(p, type)).Select(p => p.Name));

    private static bool IsPerson(PersonDto person, string type) =>
        !string.IsNullOrWhiteSpace(person.Name) && string.Equals(person.Type, type, StringComparison.OrdinalIgnoreCase);

    private static bool IsType(MediaStreamDto stream, string type) => string.Equals(stream.Type, type, StringComparison.OrdinalIgnoreCase);

    private static string[] Clean(IEnumerable<string?>? values) =>
        values is null ? [] : [.. values.Select(NullIfBlank).OfType<string>()];

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex("^tt[0-9]{5,}$", RegexOptions.CultureInvariant)]
    private static partial Regex ImdbPattern();

    [GeneratedRegex("^[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex TmdbPattern();
}
