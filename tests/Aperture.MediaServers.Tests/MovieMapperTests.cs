using System.Text.Json;
using Aperture.Catalog;
using Aperture.MediaServers.Wire;

namespace Aperture.MediaServers.Tests;

public sealed class MovieMapperTests
{
    private static readonly Uri s_base = new("http://jellyfin:8096/");

    // A real item answered by Jellyfin 10.8.10 (demo.jellyfin.org), from the jellyash test cassettes
    // (MIT, Copyright 2023 Steve Kowalik): its exact shape, quirks included (container list, 7-digit dates).
    private const string RecordedJellyfinItem = """
        {"Name":"Earthfall","ServerId":"713dc3fe952b438fa70ed35e4ef0525a","Id":"a20cc5741f4fe20413c23fa2b48920fc","HasSubtitles":true,
        "Container":"mov,mp4,m4a,3gp,3g2,mj2","PremiereDate":"2010-06-16T00:00:00.0000000Z","ChannelId":null,"CommunityRating":7,
        "RunTimeTicks":3240349952,"ProductionYear":2010,"IndexNumber":1,"ParentIndexNumber":1,"IsFolder":false,"Type":"Episode",
        "ParentBackdropItemId":"05991932707d2c668148d8ed19cdb544","ParentBackdropImageTags":["b8f1332f5ca6e72d8129c4bceadd100b"],
        "UserData":{"PlaybackPositionTicks":0,"PlayCount":17,"IsFavorite":true,"LastPlayedDate":"2023-05-15T15:10:02.3333918Z","Played":false,"Key":"170551001001"},
        "SeriesName":"Pioneer One","VideoType":"VideoFile","ImageTags":{"Primary":"c79fb9025224f592bd39f06aaaaf0564"},"BackdropImageTags":[],
        "ImageBlurHashes":{"Primary":{"c79fb9025224f592bd39f06aaaaf0564":"W34_h7Is.79bxts._2oztRW;j[oJt7NHoft6fka{WVNGaeoLbHkC"}},
        "LocationType":"FileSystem","MediaType":"Video"}
        """;

    [Theory]
    [InlineData(null, null)]
    [InlineData(0L, null)]
    [InlineData(3_240_349_952L, 5)]
    [InlineData(900_000_000L, 2)]
    [InlineData(899_999_999L, 1)]
    [InlineData(88_800_000_000L, 148)]
    public void Ticks_become_whole_minutes_rounded_half_away_from_zero(long? ticks, int? minutes) =>
        Assert.Equal(minutes, MovieMapper.ToMinutes(ticks));

    [Fact]
    public void A_recorded_jellyfin_item_maps()
    {
        var item = Parse(RecordedJellyfinItem);

        var movie = MovieMapper.ToMovie(item, "lib", s_base);
        var state = MovieMapper.ToWatchState(item);

        Assert.Equal(("a20cc5741f4fe20413c23fa2b48920fc", "Earthfall", 2010, 5), (movie.ServerId, movie.Title, movie.Year, movie.RuntimeMinutes));
        Assert.Equal(new DateOnly(2010, 6, 16), movie.PremiereDate);
        Assert.Equal("mov,mp4,m4a,3gp,3g2,mj2", movie.Container);
        Assert.Equal(7, movie.CommunityRating);
        Assert.Equal(new Uri("http://jellyfin:8096/Items/a20cc5741f4fe20413c23fa2b48920fc/Images/Primary?tag=c79fb9025224f592bd39f06aaaaf0564"), movie.PosterUrl);
        Assert.Null(movie.BackdropUrl);
        Assert.Empty(movie.Genres);
        Assert.Equal((17, true, false), (state.PlayCount, state.IsFavorite, state.Played));
        Assert.Equal(new DateTimeOffset(2023, 5, 15, 15, 10, 2, TimeSpan.Zero).AddTicks(3333918), state.LastPlayedAt);
        Assert.Equal(TimeSpan.Zero, state.ResumePosition);
    }

    [Fact]
    public void An_emby_item_with_numeric_name_ids_and_tag_items_maps()
    {
        var item = Parse("""
            {"Name":"Heat","Id":"4321","Studios":[{"Name":"Warner Bros.","Id":12345}],"TagItems":[{"Name":"heist","Id":77}],
             "ProviderIds":{"IMDB":"tt0113277","Tmdb":"949"},"ImageTags":{"Backdrop":"ab12"},"BackdropImageTags":[],
             "People":[{"Name":"Al Pacino","Id":"5","Role":"Vincent Hanna","Type":"Actor"},{"Name":"Danny Trejo","Type":"GuestStar"},
                       {"Name":"Michael Mann","Type":"Director"},{"Name":"Michael Mann","Type":"Writer"},{"Name":" ","Type":"Actor"}]}
            """);

        var movie = MovieMapper.ToMovie(item, "7", new Uri("http://emby:8096/emby/"));

        Assert.Equal(["Warner Bros."], movie.Studios);
        Assert.Equal(["heist"], movie.Tags);
        Assert.Equal(("tt0113277", "949"), (movie.ImdbId, movie.TmdbId));
        Assert.Equal([new CastMember("Al Pacino", "Vincent Hanna")], movie.Actors);
        Assert.Equal(["Michael Mann"], movie.Directors);
        Assert.Equal(["Michael Mann"], movie.Writers);
        Assert.Equal(new Uri("http://emby:8096/emby/Items/4321/Images/Backdrop?tag=ab12"), movie.BackdropUrl);
    }

    [Theory]
    [InlineData("""{"Imdb":"","Tmdb":""}""", null, null)]
    [InlineData("""{"Imdb":"tt","Tmdb":"abc"}""", null, null)]
    [InlineData("""{"imdb":" tt0137523 ","tmdb":"550"}""", "tt0137523", "550")]
    public void Only_real_provider_ids_are_kept(string providerIds, string? imdb, string? tmdb)
    {
        var movie = MovieMapper.ToMovie(Parse($$"""{"Id":"1","Name":"x","ProviderIds":{{providerIds}}}"""), "lib", s_base);

        Assert.Equal((imdb, tmdb), (movie.ImdbId, movie.TmdbId));
    }

    [Fact]
    public void Streams_and_container_come_from_the_first_media_source()
    {
        var movie = MovieMapper.ToMovie(Parse("""
            {"Id":"1","Name":"x","Container":"mkv,webm","MediaSources":[{"Path":"/m/x.mkv","Container":"mkv","MediaStreams":[
              {"Type":"Subtitle","Codec":"srt"},{"Type":"Audio","Codec":"dts","Channels":8,"Language":"fre"},
              {"Type":"Video","Codec":"h264","Width":1920,"Height":800},{"Type":"Audio","Codec":"aac","Channels":2}]}]}
            """), "lib", s_base);

        Assert.Equal(("/m/x.mkv", "mkv"), (movie.Path, movie.Container));
        Assert.Equal(new VideoStreamInfo("h264", 1920, 800), movie.Video);
        Assert.Equal(new AudioStreamInfo("dts", 8, "fre"), movie.Audio);
    }

    [Fact]
    public void States_of_one_item_from_several_listings_merge()
    {
        var merger = new WatchStateMerger();
        var early = DateTimeOffset.UnixEpoch;
        merger.Add(new MediaWatchState { ServerItemId = "1", Played = true, PlayCount = 2, LastPlayedAt = early });
        merger.Add(new MediaWatchState { ServerItemId = "1", IsFavorite = true, TmdbId = "550", LastPlayedAt = early.AddDays(1), ResumePosition = TimeSpan.FromMinutes(5) });
        merger.Add(new MediaWatchState { ServerItemId = "2", PlayCount = 1 });

        var merged = merger.States;

        Assert.Equal(2, merged.Count);
        Assert.True(merged[0] is { Played: true, IsFavorite: true, PlayCount: 2, TmdbId: "550" });
        Assert.Equal(early.AddDays(1), merged[0].LastPlayedAt);
        Assert.Equal(TimeSpan.FromMinutes(5), merged[0].ResumePosition);
    }

    private static BaseItemDto Parse(string json) =>
        JsonSerializer.Deserialize(json, MediaBrowserJsonContext.Default.BaseItemDto)!;
}
