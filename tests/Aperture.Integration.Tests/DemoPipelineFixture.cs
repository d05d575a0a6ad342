using Aperture.Catalog;
using Aperture.Jobs;
using Aperture.Samples.Console.Demo;
using Aperture.Storage;
using Aperture.Testing;

namespace Aperture.Integration.Tests;

/// <summary>
/// Runs the demo composition twice on one data folder (200 movies, 5 users, hash embeddings, SQLite in a temp
/// folder) and keeps what the tests look at: the runs, the store, the server and the files after each run.
/// </summary>
public sealed class DemoPipelineFixture : IAsyncLifetime
{
    public const int Movies = 200;
    public const int Users = 5;

    private readonly TempFolder _folder = new();

    internal DemoSettings Settings => new(_folder.Path, Movies, Users, HashingEmbeddingGenerator.ProviderName);

    public IReadOnlyList<JobRun> FirstRuns { get; private set; } = [];

    public IReadOnlyList<JobRun> SecondRuns { get; private set; } = [];

    internal IReadOnlyList<DemoUserPicks> Picks { get; private set; } = [];

    public IReadOnlyList<Movie> StoredMovies { get; private set; } = [];

    public IReadOnlyList<EmbeddingModelUsage> StoredModels { get; private set; } = [];

    public IReadOnlyList<WatchState> StoredWatchStates { get; private set; } = [];

    public IReadOnlyList<MediaLibrary> ServerLibraries { get; private set; } = [];

    public IReadOnlyList<MediaUser> ServerUsers { get; private set; } = [];

    public IReadOnlyList<string> ServerRefreshes { get; private set; } = [];

    internal LibraryFileSnapshot FilesAfterFirstRun { get; private set; } = LibraryFileSnapshot.Take(string.Empty);

    internal LibraryFileSnapshot FilesAfterSecondRun { get; private set; } = LibraryFileSnapshot.Take(string.Empty);

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using (var demo = await DemoEnvironment.StartAsync(Settings, logs: null, verbose: false, overrides: null, timeout.Token))
        {
            FirstRuns = await demo.RunPipelineAsync(timeout.Token);
            Picks = await demo.GetPicksAsync(timeout.Token);
            var store = demo.Session.Get<IApertureStore>();
            StoredMovies = await store.GetMoviesAsync(includeRemoved: true, timeout.Token);
            StoredModels = await store.GetModelsAsync(timeout.Token);
            StoredWatchStates = await store.GetAllWatchStatesAsync(timeout.Token);
            ServerLibraries = demo.Server.Libraries;
            ServerUsers = demo.Server.Users;
            ServerRefreshes = demo.Server.RefreshedItemIds;
        }

        FilesAfterFirstRun = LibraryFileSnapshot.Take(Settings.LibraryRoot);

        // A new demo server and host on the same folder: what a second 'aperture demo' does.
        await using (var demo = await DemoEnvironment.StartAsync(Settings, logs: null, verbose: false, overrides: null, timeout.Token))
        {
            SecondRuns = await demo.RunPipelineAsync(timeout.Token);
        }

        FilesAfterSecondRun = LibraryFileSnapshot.Take(Settings.LibraryRoot);
    }

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}
