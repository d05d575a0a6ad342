using Aperture.Jobs;
using Aperture.Libraries;
using Aperture.MediaServers;
using Aperture.Samples;
using Aperture.Samples.Console.Cli;
using Aperture.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Aperture.Integration.Tests;

/// <summary>
/// The configured composition (what the console's commands and the worker run): every option is bound from the
/// <c>Aperture</c> section, and a wrong setting stops start-up with a message that names it.
/// </summary>
public sealed class ConfigurationTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ValidSettingsStart()
    {
        await using var session = await ApertureSession.StartAsync(CreateHost(ValidSettings()), CancellationToken.None);

        Assert.Equal(MovieJobNames.Pipeline.Append(MovieJobNames.FullResetRecommendations).Order(), session.Get<IJobRunner>().Jobs.Select(static job => job.Name).Order());
    }

    [Theory]
    [InlineData("Aperture:MediaServer:BaseUrl", "jellyfin:8096", "Aperture:MediaServer:BaseUrl")]
    [InlineData("Aperture:MediaServer:ApiKey", "", "Aperture:MediaServer:ApiKey")]
    [InlineData("Aperture:MediaServer:PageSize", "0", "Aperture:MediaServer:PageSize")]
    [InlineData("Aperture:Storage:Path", "", "Aperture:Storage:Path")]
    [InlineData("Aperture:Embeddings:BatchSize", "0", "Aperture:Embeddings:BatchSize")]
    [InlineData("Aperture:Libraries:OutputRoot", "relative/libraries", "Aperture:Libraries:OutputRoot")]
    [InlineData("Aperture:Libraries:Mode", "Copy", "Aperture:Libraries:Mode")]
    [InlineData("Aperture:Recommendations:PicksPerUser", "0", "Aperture:Recommendations:PicksPerUser")]
    [InlineData("Aperture:Jobs:MaxConcurrentRuns", "0", "Aperture:Jobs:MaxConcurrentRuns")]
    [InlineData("Aperture:Jobs:SyncMovies:BatchSize", "0", "Aperture:Jobs:SyncMovies:BatchSize")]
    [InlineData("Aperture:Jobs:Schedules:sync-movies", "every day", "sync-movies")]
    [InlineData("Aperture:Jobs:Schedules:full-reset-movie-recommendations", "0 3 * * *", "full-reset-movie-recommendations")]
    public async Task AWrongSettingFailsStartUpWithAMessageNamingIt(string key, string value, string named)
    {
        var settings = ValidSettings();
        settings[key] = value;

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => ApertureSession.StartAsync(CreateHost(settings), CancellationToken.None));

        var (lines, exitCode) = ErrorReport.Describe(failure);
        Assert.Equal(ErrorReport.UsageExitCode, exitCode);
        Assert.Contains(lines, line => line.Contains(named, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AWrongSettingOfTheChosenProviderFailsStartUp()
    {
        var settings = ValidSettings();
        settings[ConfiguredApertureBuilderExtensions.EmbeddingProviderSetting] = "local";
        settings["Aperture:Embeddings:Local:MicroBatchSize"] = "0";

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => ApertureSession.StartAsync(CreateHost(settings), CancellationToken.None));

        var (lines, _) = ErrorReport.Describe(failure);
        Assert.Contains(lines, static line => line.StartsWith("Aperture:Embeddings:Local:MicroBatchSize must be between 1 and 256", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ConfiguredApertureBuilderExtensions.MediaServerKindSetting, "Plex")]
    [InlineData(ConfiguredApertureBuilderExtensions.MediaServerKindSetting, "")]
    [InlineData(ConfiguredApertureBuilderExtensions.EmbeddingProviderSetting, "word2vec")]
    [InlineData(ConfiguredApertureBuilderExtensions.EmbeddingProviderSetting, "")]
    public void AnUnknownChoiceFailsCompositionWithAMessageNamingTheSettingAndItsValues(string key, string value)
    {
        var settings = ValidSettings();
        settings[key] = value;

        var failure = Assert.Throws<InvalidSettingException>(() => CreateHost(settings));

        var (lines, exitCode) = ErrorReport.Describe(failure);
        Assert.Equal(ErrorReport.UsageExitCode, exitCode);
        var line = Assert.Single(lines);
        Assert.Contains(key, line, StringComparison.Ordinal);
        Assert.Contains(key == ConfiguredApertureBuilderExtensions.MediaServerKindSetting ? "Jellyfin or Emby" : "openai, ollama, local, hash", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnvironmentVariablesSetAnyOptionWithDoubleUnderscores()
    {
        // A prefix of its own keeps the test from seeing, or changing, the real APERTURE__ variables.
        var prefix = $"APTEST{Guid.NewGuid():N}_";
        var variables = new Dictionary<string, string>
        {
            ["APERTURE__RECOMMENDATIONS__PICKSPERUSER"] = "7",
            ["APERTURE__MEDIASERVER__TIMEOUT"] = "00:00:05",
            ["APERTURE__JOBS__SCHEDULES__SYNC-MOVIES"] = "0 5 * * *",
            ["APERTURE__LIBRARIES__MODE"] = "Symlink",
            ["APERTURE__STORAGE__BUSYTIMEOUT"] = "00:00:02",
        };
        try
        {
            foreach (var (name, value) in variables)
            {
                Environment.SetEnvironmentVariable(prefix + name, value);
            }

            var settings = ValidSettings();
            await using var session = await ApertureSession.StartAsync(
                CreateHost(configuration => configuration.AddInMemoryCollection(settings).AddEnvironmentVariables(prefix)),
                CancellationToken.None);

            Assert.Equal(7, session.Get<IOptions<Recommendations.RecommendationOptions>>().Value.PicksPerUser);
            Assert.Equal(TimeSpan.FromSeconds(5), session.Get<IOptions<MediaServerOptions>>().Value.Timeout);
            Assert.Equal(LibraryWriteMode.Symlink, session.Get<IOptions<LibraryOptions>>().Value.Mode);
            Assert.Equal(TimeSpan.FromSeconds(2), session.Get<IOptions<SqliteStoreOptions>>().Value.BusyTimeout);
            Assert.Equal("0 5 * * *", session.Get<IJobRunner>().Jobs.Single(static job => job.Name == MovieJobNames.SyncMovies).Schedule.Cron);
        }
        finally
        {
            foreach (var name in variables.Keys)
            {
                Environment.SetEnvironmentVariable(prefix + name, null);
            }
        }
    }

    [Fact]
    public async Task TheWorkersJellyfinAndOpenAIExampleIsValid()
    {
        await using var session = await ApertureSession.StartAsync(
            CreateHost(configuration => configuration
                .AddJsonFile(WorkerSettings("appsettings.json"))
                .AddJsonFile(WorkerSettings("appsettings.JellyfinOpenAI.json"))
                .AddInMemoryCollection(Secrets())),
            CancellationToken.None);

        Assert.IsType<Embeddings.OpenAIEmbeddingOptions>(session.Get<IOptions<Embeddings.OpenAIEmbeddingOptions>>().Value);
        var libraries = session.Get<IOptions<LibraryOptions>>().Value;
        Assert.Equal(LibraryWriteMode.Symlink, libraries.Mode);
        Assert.Equal("/mnt/nas/movies", Assert.Single(libraries.MediaPathMappings).LocalPath);
        Assert.Equal("after: sync-movies", session.Get<IJobRunner>().Jobs.Single(static job => job.Name == MovieJobNames.GenerateEmbeddings).Schedule.ToString());
        Assert.Equal("http://jellyfin:8096", session.Get<IOptions<MediaServerOptions>>().Value.BaseUrl);
    }

    [Fact]
    public async Task TheWorkersEmbyAndOllamaExampleIsValid()
    {
        await using var session = await ApertureSession.StartAsync(
            CreateHost(configuration => configuration
                .AddJsonFile(WorkerSettings("appsettings.json"))
                .AddJsonFile(WorkerSettings("appsettings.EmbyOllama.json"))
                .AddInMemoryCollection(Secrets())),
            CancellationToken.None);

        Assert.Equal(new Uri("http://ollama:11434"), session.Get<IOptions<Embeddings.OllamaEmbeddingOptions>>().Value.BaseUrl);
        Assert.Equal(LibraryWriteMode.Strm, session.Get<IOptions<LibraryOptions>>().Value.Mode);
        Assert.Equal("http://emby:8096/emby", session.Get<IOptions<MediaServerOptions>>().Value.BaseUrl);
    }

    [Fact]
    public async Task TheWorkersDefaultSettingsAskForTheServer()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => ApertureSession.StartAsync(
            CreateHost(configuration => configuration.AddJsonFile(WorkerSettings("appsettings.json"))),
            CancellationToken.None));

        var (lines, exitCode) = ErrorReport.Describe(failure);
        Assert.Equal(ErrorReport.UsageExitCode, exitCode);
        Assert.Contains(lines, static line => line.StartsWith("Aperture:MediaServer:BaseUrl is required", StringComparison.Ordinal));
        Assert.Contains(lines, static line => line.StartsWith("Aperture:MediaServer:ApiKey is required", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheWorkersDefaultSettingsAskForTheLibraryFolderOnceTheServerIsSet()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => ApertureSession.StartAsync(
            CreateHost(configuration => configuration
                .AddJsonFile(WorkerSettings("appsettings.json"))
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Aperture:MediaServer:BaseUrl"] = "http://jellyfin:8096", ["Aperture:MediaServer:ApiKey"] = "an-api-key" })),
            CancellationToken.None));

        var (lines, _) = ErrorReport.Describe(failure);
        Assert.Contains(lines, static line => line.StartsWith("Aperture:Libraries:OutputRoot is required", StringComparison.Ordinal));
    }

    private Dictionary<string, string?> ValidSettings() => new()
    {
        [ConfiguredApertureBuilderExtensions.MediaServerKindSetting] = "Jellyfin",
        ["Aperture:MediaServer:BaseUrl"] = "http://127.0.0.1:9",
        ["Aperture:MediaServer:ApiKey"] = "an-api-key",
        ["Aperture:Storage:Path"] = Path.Combine(_folder.Path, "aperture.db"),
        [ConfiguredApertureBuilderExtensions.EmbeddingProviderSetting] = "hash",
        ["Aperture:Libraries:OutputRoot"] = Path.Combine(_folder.Path, "libraries"),
    };

    // The examples keep keys out of files; a deployment sets them in the environment.
    private static Dictionary<string, string?> Secrets() => new()
    {
        ["Aperture:MediaServer:ApiKey"] = "an-api-key",
        ["Aperture:Embeddings:ApiKey"] = "sk-test",
    };

    private static string WorkerSettings(string fileName) => Path.Combine(AppContext.BaseDirectory, "WorkerSettings", fileName);

    private static IHost CreateHost(Dictionary<string, string?> settings) =>
        CreateHost(configuration => configuration.AddInMemoryCollection(settings));

    private static IHost CreateHost(Action<IConfigurationBuilder> configure) =>
        ApertureHostFactory.Create(configure, logs: null, verbose: false);
}
