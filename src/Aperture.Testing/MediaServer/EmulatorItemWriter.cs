using System.Globalization;
using System.Text.Json;
using Aperture.Catalog;
using Aperture.MediaServers;

namespace Aperture.Testing;

/// <summary>
/// Serialises a seeded movie into the item JSON of one dialect, in the servers' property order, with their habits:
/// empty lists sent as <c>[]</c>, absent values left out, Jellyfin's <c>"ChannelId":null</c>, Jellyfin
/// <c>Tags</c> versus Emby <c>TagItems</c>, Jellyfin string ids versus Emby numeric <c>Studios</c>/<c>GenreItems</c> ids.
/// </summary>
internal sealed class EmulatorItemWriter(MediaServerKind kind, string serverId, EmulatorIds ids)
{
    /// <summary>Server ticks per minute (a tick is 100 ns).</summary>
    public const long TicksPerMinute = 600_000_000;

    private readonly JsonFragmentWriter _fragment = new();
    private readonly Lock _gate = new();

    private bool IsEmby => kind == MediaServerKind.Emby;

    /// <summary>Builds the stored form of <paramref name="movie"/> (whose server and library ids are set), saved at <paramref name="savedAt"/>.</summary>
    public EmulatorMovie Create(Movie movie, DateTimeOffset savedAt)
    {
        lock (_gate)
        {
            var fragments = new List<(EmulatorItemFields, byte[])>(24);
            void Add(EmulatorItemFields field, Action<Utf8JsonWriter> write)
            {
                write(_fragment.Begin());
                fragments.Add((field, _fragment.End()));
            }

            var id = movie.ServerId;
            Add(EmulatorItemFields.None, w => w.WriteString("Name", movie.Title));
            Add(EmulatorItemFields.OriginalTitle, w => WriteOptional(w, "OriginalTitle", movie.OriginalTitle));
            Add(EmulatorItemFields.None, w =>
            {
                w.WriteString("ServerId", serverId);
                w.WriteString("Id", id);
                w.WriteString("Etag", ids.Tag(id + "etag"));
            });
            Add(EmulatorItemFields.DateCreated, w =>
            {
                if (movie.DateAdded is { } added)
                {
                    EmulatorJson.WriteDate(w, "DateCreated", added);
                }
            });
            Add(EmulatorItemFields.None, w =>
            {
                w.WriteBoolean("CanDelete", false);
                w.WriteBoolean("CanDownload", true);
                WriteOptional(w, "Container", movie.Container);
            });
            Add(EmulatorItemFields.SortName, w => w.WriteString("SortName", movie.SortTitle ?? movie.Title));
            Add(EmulatorItemFields.None, w =>
            {
                if (movie.PremiereDate is { } premiere)
                {
                    EmulatorJson.WriteDate(w, "PremiereDate", premiere);
                }
            });
            Add(EmulatorItemFields.MediaSources, w => WriteMediaSources(w, movie));
            Add(EmulatorItemFields.None, w => WriteOptional(w, "CriticRating", movie.CriticRating));
            Add(EmulatorItemFields.ProductionLocations, w => WriteStrings(w, "ProductionLocations", movie.ProductionCountries));
            Add(EmulatorItemFields.Path, w => WriteOptional(w, "Path", movie.Path));
            Add(EmulatorItemFields.None, w =>
            {
                WriteOptional(w, "OfficialRating", movie.OfficialRating);
                if (!IsEmby)
                {
                    w.WriteNull("ChannelId");
                }
            });
            Add(EmulatorItemFields.Overview, w => WriteOptional(w, "Overview", movie.Overview));
            Add(EmulatorItemFields.Taglines, w => WriteStrings(w, "Taglines", movie.Tagline is null ? [] : [movie.Tagline]));
            Add(EmulatorItemFields.Genres, w => WriteStrings(w, "Genres", movie.Genres));
            Add(EmulatorItemFields.None, w =>
            {
                WriteOptional(w, "CommunityRating", movie.CommunityRating);
                if (movie.RuntimeMinutes is { } minutes)
                {
                    w.WriteNumber("RunTimeTicks", minutes * TicksPerMinute);
                }

                if (movie.Year is { } year)
                {
                    w.WriteNumber("ProductionYear", year);
                }
            });
            Add(EmulatorItemFields.ProviderIds, w =>
            {
                w.WriteStartObject("ProviderIds");
                WriteOptional(w, "Tmdb", movie.TmdbId);
                WriteOptional(w, "Imdb", movie.ImdbId);
                w.WriteEndObject();
            });
            Add(EmulatorItemFields.None, w => w.WriteBoolean("IsFolder", false));
            Add(EmulatorItemFields.ParentId, w => w.WriteString("ParentId", movie.LibraryId));
            Add(EmulatorItemFields.None, w => w.WriteString("Type", "Movie"));
            Add(EmulatorItemFields.People, w => WritePeople(w, movie));
            Add(EmulatorItemFields.Studios, w => WriteNamedItems(w, "Studios", "studio", movie.Studios));
            Add(EmulatorItemFields.Genres, w => WriteNamedItems(w, "GenreItems", "genre", movie.Genres));
            Add(EmulatorItemFields.Tags, w =>
            {
                if (IsEmby)
                {
                    WriteNamedItems(w, "TagItems", "tag", movie.Tags);
                }
                else
                {
                    WriteStrings(w, "Tags", movie.Tags);
                }
            });
            Add(EmulatorItemFields.MediaStreams, w => WriteStreams(w, "MediaStreams", movie));
            Add(EmulatorItemFields.None, w => WriteImagesAndKind(w, movie));

            return new EmulatorMovie(movie, movie.SortTitle ?? movie.Title, savedAt, [.. fragments]);
        }
    }

    private void WriteImagesAndKind(Utf8JsonWriter w, Movie movie)
    {
        var id = movie.ServerId;
        var primary = movie.PosterUrl is null ? null : ids.Tag(id + "Primary");
        var backdrop = movie.BackdropUrl is null ? null : ids.Tag(id + "Backdrop");
        if (!IsEmby)
        {
            w.WriteString("VideoType", "VideoFile");
        }

        w.WriteStartObject("ImageTags");
        WriteOptional(w, "Primary", primary);
        w.WriteEndObject();
        w.WriteStartArray("BackdropImageTags");
        if (backdrop is not null)
        {
            w.WriteStringValue(backdrop);
        }

        w.WriteEndArray();
        if (!IsEmby)
        {
            w.WriteStartObject("ImageBlurHashes");
            if (primary is not null)
            {
                w.WriteStartObject("Primary");
                w.WriteString(primary, "dJH2:_xu00of_3of9FRj-;j[ayof");
                w.WriteEndObject();
            }

            if (backdrop is not null)
            {
                w.WriteStartObject("Backdrop");
                w.WriteString(backdrop, "WJHx2@~q00ay_3ay-;of9FRjRjof");
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteString("LocationType", "FileSystem");
        }

        w.WriteString("MediaType", "Video");
    }

    private void WriteMediaSources(Utf8JsonWriter w, Movie movie)
    {
        w.WriteStartArray("MediaSources");
        if (movie.Path is not null)
        {
            w.WriteStartObject();
            w.WriteString("Protocol", "File");
            w.WriteString("Id", IsEmby ? "mediasource_" + movie.ServerId : movie.ServerId);
            w.WriteString("Path", movie.Path);
            w.WriteString("Type", "Default");
            WriteOptional(w, "Container", movie.Container);
            w.WriteString("Name", Path.GetFileNameWithoutExtension(movie.Path));
            w.WriteBoolean("IsRemote", false);
            if (movie.RuntimeMinutes is { } minutes)
            {
                w.WriteNumber("RunTimeTicks", minutes * TicksPerMinute);
            }

            w.WriteBoolean("SupportsTranscoding", true);
            w.WriteBoolean("SupportsDirectStream", true);
            w.WriteBoolean("SupportsDirectPlay", true);
            w.WriteBoolean("IsInfiniteStream", false);
            w.WriteBoolean("RequiresOpening", false);
            w.WriteBoolean("RequiresClosing", false);
            w.WriteBoolean("SupportsProbing", true);
            WriteStreams(w, "MediaStreams", movie);
            w.WriteStartArray("Formats");
            w.WriteEndArray();
            w.WriteStartObject("RequiredHttpHeaders");
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private void WriteStreams(Utf8JsonWriter w, string name, Movie movie)
    {
        w.WriteStartArray(name);
        var index = 0;
        if (movie.Video is { } video)
        {
            w.WriteStartObject();
            WriteOptional(w, "Codec", video.Codec);
            w.WriteString("TimeBase", "1/1000");
            w.WriteString("VideoRange", "SDR");
            w.WriteBoolean("IsInterlaced", false);
            w.WriteBoolean("IsDefault", true);
            w.WriteBoolean("IsForced", false);
            if (video.Height is { } height)
            {
                w.WriteNumber("Height", height);
            }

            if (video.Width is { } width)
            {
                w.WriteNumber("Width", width);
            }

            w.WriteString("Type", "Video");
            w.WriteNumber("Index", index++);
            w.WriteBoolean("IsExternal", false);
            w.WriteBoolean("IsTextSubtitleStream", false);
            w.WriteBoolean("SupportsExternalStream", false);
            w.WriteEndObject();
        }

        if (movie.Audio is { } audio)
        {
            w.WriteStartObject();
            WriteOptional(w, "Codec", audio.Codec);
            WriteOptional(w, "Language", audio.Language);
            w.WriteString("TimeBase", "1/1000");
            if (audio.Channels is { } channels)
            {
                w.WriteString("ChannelLayout", channels switch { 1 => "mono", 2 => "stereo", 6 => "5.1", 8 => "7.1", _ => $"{channels} channels" });
                w.WriteNumber("Channels", channels);
            }

            w.WriteNumber("SampleRate", 48000);
            w.WriteBoolean("IsDefault", true);
            w.WriteBoolean("IsForced", false);
            w.WriteString("Type", "Audio");
            w.WriteNumber("Index", index);
            w.WriteBoolean("IsExternal", false);
            w.WriteBoolean("IsTextSubtitleStream", false);
            w.WriteBoolean("SupportsExternalStream", false);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private void WritePeople(Utf8JsonWriter w, Movie movie)
    {
        w.WriteStartArray("People");
        foreach (var actor in movie.Actors)
        {
            WritePerson(w, actor.Name, actor.Role, "Actor");
        }

        foreach (var director in movie.Directors)
        {
            WritePerson(w, director, "Director", "Director");
        }

        foreach (var writer in movie.Writers)
        {
            WritePerson(w, writer, "Writer", "Writer");
        }

        w.WriteEndArray();
    }

    private void WritePerson(Utf8JsonWriter w, string name, string? role, string type)
    {
        w.WriteStartObject();
        w.WriteString("Name", name);
        w.WriteString("Id", ids.NameId("person", name));
        WriteOptional(w, "Role", role);
        w.WriteString("Type", type);
        w.WriteString("PrimaryImageTag", ids.Tag("person" + name));
        w.WriteEndObject();
    }

    private void WriteNamedItems(Utf8JsonWriter w, string name, string category, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStartObject();
            w.WriteString("Name", value);
            var id = ids.NameId(category, value);
            if (IsEmby)
            {
                // Emby sends these ids as JSON numbers (NameLongIdPair), Jellyfin as strings.
                w.WriteNumber("Id", long.Parse(id, CultureInfo.InvariantCulture));
            }
            else
            {
                w.WriteString("Id", id);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } number)
        {
            w.WriteNumber(name, number);
        }
    }
}
