using System.Globalization;
using Aperture.Catalog;
using Aperture.Embeddings;
using Aperture.Jobs;
using Aperture.MediaServers;
using AutoFixture.Xunit2;

namespace Aperture.Abstractions.Tests;

public sealed class ContractRecordTests
{
    [Theory]
    [InlineData(MediaServerKind.Jellyfin, "10.11.7", false)]
    [InlineData(MediaServerKind.Jellyfin, "10.11.11", false)]
    [InlineData(MediaServerKind.Jellyfin, "10.12.0", false)]
    [InlineData(MediaServerKind.Jellyfin, "10.11.6", true)]
    [InlineData(MediaServerKind.Jellyfin, "10.10.7", true)]
    [InlineData(MediaServerKind.Emby, "4.8.11.0", true)]
    [InlineData(MediaServerKind.Jellyfin, "unknown", true)]
    public void Only_Jellyfin_10_11_7_and_later_ignore_local_path_strm_files(MediaServerKind kind, string version, bool follows)
    {
        var server = new MediaServerInfo("id", "server", kind, version);

        Assert.Equal(follows, server.FollowsLocalPathStrm);
    }

    [Fact]
    public void Display_title_is_culture_invariant()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            // A culture whose digits are not ASCII would otherwise leak into folder names and .nfo files.
            CultureInfo.CurrentCulture = new CultureInfo("ar-SA") { NumberFormat = { DigitSubstitution = DigitShapes.NativeNational } };
            var movie = new Movie { ServerId = "1", Title = "Inception", Year = 2010 };

            Assert.Equal("Inception (2010)", movie.DisplayTitle);
            Assert.Equal("Untitled", new Movie { ServerId = "2", Title = "Untitled" }.DisplayTitle);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void A_new_movie_is_active_and_has_empty_lists()
    {
        var movie = new Movie { ServerId = "1", Title = "Heat" };

        Assert.True(movie.IsActive);
        Assert.Empty(movie.Genres);
        Assert.Empty(movie.Actors);
        Assert.False((movie with { RemovedAt = DateTimeOffset.UnixEpoch }).IsActive);
    }

    [Theory, AutoData]
    public void Embedding_model_key_is_provider_colon_model(string provider, string model)
    {
        var id = new EmbeddingModelId(provider, model, 384);

        Assert.Equal($"{provider}:{model}", id.Key);
        Assert.Equal($"{provider}:{model} (384 d)", id.ToString());
    }

    [Theory]
    [InlineData(true, false, true)]
    [InlineData(false, false, false)]
    [InlineData(true, true, false)]
    public void A_user_is_processed_only_when_enabled_here_and_not_disabled_on_the_server(bool enabled, bool serverDisabled, bool active)
    {
        var account = new UserAccount(new MediaUser { Id = "u", Name = "Ada", IsDisabled = serverDisabled }, enabled, []);

        Assert.Equal(active, account.IsActive);
        Assert.Equal("u", account.Id);
    }

    [Fact]
    public void Job_schedules_say_what_they_are()
    {
        Assert.True(JobSchedule.Manual.IsManual);
        Assert.Equal("manual", JobSchedule.Manual.ToString());
        Assert.Equal("0 3 * * *", JobSchedule.OnCron("0 3 * * *").Cron);
        Assert.Equal("sync-movies", JobSchedule.After("sync-movies").AfterJob);
        Assert.Throws<ArgumentException>(() => JobSchedule.OnCron(" "));
        Assert.Throws<ArgumentException>(() => JobSchedule.After(""));
    }

    [Fact]
    public void A_missing_job_count_reads_as_zero()
    {
        var result = new JobResult("done", 3, 3, new Dictionary<string, long> { ["added"] = 3 });

        Assert.Equal(3, result["added"]);
        Assert.Equal(0, result["removed"]);
    }

    [Fact]
    public void The_pipeline_runs_the_five_scheduled_jobs_in_data_order()
    {
        Assert.Equal(
            ["sync-movies", "generate-movie-embeddings", "sync-movie-watch-history", "generate-movie-recommendations", "sync-movie-libraries"],
            MovieJobNames.Pipeline);
        Assert.DoesNotContain(MovieJobNames.FullResetRecommendations, MovieJobNames.Pipeline);
    }
}
