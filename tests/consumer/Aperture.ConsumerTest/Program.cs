// An application that uses Aperture.Core only through its NuGet packages, as a consumer would: it composes the
// library with the packages' DI extension methods in a generic host, runs the movie pipeline through IJobRunner
// against the Jellyfin emulator of Aperture.Testing (seeded with a small generated catalogue), and checks the
// picks in the SQLite store and the library files on disk. Exit code 0 when every check passes, 1 otherwise.
using System.Globalization;
using System.Xml.Linq;
using Aperture;
using Aperture.Catalog;
using Aperture.ConsumerTest;
using Aperture.Jobs;
using Aperture.Libraries;
using Aperture.MediaServers;
using Aperture.Storage;
using Aperture.Testing;
using Aperture.Testing.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var checks = new Checks();
var work = Directory.CreateTempSubdirectory("aperture-consumer-");
using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
try
{
    await RunAsync(work.FullName, checks, timeout.Token);
}
catch (Exception exception)
{
    checks.Fail($"the scenario stopped with {exception}");
}
finally
{
    work.Delete(recursive: true);
}

return checks.Report();

static async Task RunAsync(string work, Checks checks, CancellationToken cancellationToken)
{
    // A Jellyfin server with 120 generated movies and 3 users whose watch histories follow their tastes; without
    // second (4K) copies, which the store merges into their originals, so each server movie is one stored movie.
    var data = SyntheticDataGenerator.Generate(new SyntheticDataOptions { Seed = 7, MovieCount = 120, UserCount = 3, DuplicateShare = 0 });
    await using var server = await MediaServerEmulator.StartAsync(
        MediaServerKind.Jellyfin,
        new MediaServerEmulatorOptions { Version = "10.10.7", RecordRequests = false },
        cancellationToken);
    foreach (var library in data.Libraries)
    {
        server.AddLibrary(library);
    }

    foreach (var movies in data.Movies.GroupBy(static movie => movie.LibraryId!))
    {
        server.AddMovies(movies.Key, movies);
    }

    foreach (var user in data.Users)
    {
        server.AddUser(user);
    }

    foreach (var watch in data.Watches)
    {
        server.SetWatchState(watch.UserId, watch.ToMediaWatchState(), watch.LastPlayedAt);
    }

    var databasePath = Path.Combine(work, "data", "aperture.db");
    var libraryRoot = Path.Combine(work, "libraries");
    var builder = Host.CreateApplicationBuilder();
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    builder.Services.AddAperture(aperture => aperture
        .AddJellyfin(options =>
        {
            options.BaseUrl = server.BaseUrl.ToString();
            options.ApiKey = server.ApiKey;
        })
        .AddHashingEmbeddings()
        .AddSqliteStore(databasePath)
        .AddRecommender()
        .AddLibraryWriter(options =>
        {
            options.OutputRoot = libraryRoot;
            options.Mode = LibraryWriteMode.Strm;
        })
        .AddMovieJobs());

    using var host = builder.Build();
    await host.StartAsync(cancellationToken);
    try
    {
        var runs = await host.Services.GetRequiredService<IJobRunner>().RunPipelineAsync(cancellationToken);
        checks.That(
            runs.Select(static run => run.JobName).SequenceEqual(MovieJobNames.Pipeline),
            $"the pipeline ran {string.Join(" → ", MovieJobNames.Pipeline)}",
            $"it ran {string.Join(" → ", runs.Select(static run => run.JobName))}");
        foreach (var run in runs)
        {
            checks.That(run.Status == JobRunStatus.Succeeded, $"{run.JobName} succeeded", $"{run.Status}: {run.Error}");
        }

        await CheckStoreAsync(host.Services.GetRequiredService<IApertureStore>(), data, checks, cancellationToken);
        await CheckLibrariesAsync(host.Services, server, checks, cancellationToken);
    }
    finally
    {
        await host.StopAsync(CancellationToken.None);
    }

    checks.That(File.Exists(databasePath), "the SQLite store is one file at the configured path", databasePath);
}

static async Task CheckStoreAsync(IApertureStore store, SyntheticServer data, Checks checks, CancellationToken cancellationToken)
{
    var movies = await store.GetMoviesAsync(cancellationToken: cancellationToken);
    checks.That(movies.Count == data.Movies.Count, $"the store holds the server's {data.Movies.Count} movies", $"it holds {movies.Count}");

    var models = await store.GetModelsAsync(cancellationToken);
    checks.That(
        models.Any(model => model.Model.Provider == HashingEmbeddingGenerator.ProviderName && model.VectorCount == movies.Count),
        "every movie has a vector of the hashing model",
        string.Join(", ", models.Select(static model => $"{model.Model}: {model.VectorCount}")));

    var catalogue = movies.Select(static movie => movie.Id).ToHashSet();
    var users = await store.GetUsersAsync(cancellationToken);
    checks.That(users.Count(static user => user.IsActive) == data.Users.Count, $"the store holds the server's {data.Users.Count} users", $"it holds {users.Count}");
    foreach (var user in users.Where(static user => user.IsActive))
    {
        var picks = (await store.GetLatestAsync(user.Id, cancellationToken))?.Picks ?? [];
        var watched = (await store.GetWatchStatesAsync(user.Id, cancellationToken))
            .Where(static state => state.Played)
            .Select(static state => state.MovieId)
            .ToHashSet();
        checks.That(picks.Count > 0, $"{user.User.Name} has picks", "none stored");
        checks.That(
            picks.Select(static pick => pick.Rank).SequenceEqual(Enumerable.Range(1, picks.Count)),
            $"{user.User.Name}'s picks are ranked 1 to {picks.Count}",
            string.Join(", ", picks.Select(static pick => pick.Rank)));
        checks.That(
            picks.All(pick => catalogue.Contains(pick.MovieId) && !watched.Contains(pick.MovieId)),
            $"{user.User.Name}'s picks are catalogue movies they have not watched",
            "a pick is unknown or already watched");
    }
}

static async Task CheckLibrariesAsync(IServiceProvider services, MediaServerEmulator server, Checks checks, CancellationToken cancellationToken)
{
    var store = services.GetRequiredService<IApertureStore>();
    var movies = (await store.GetMoviesAsync(cancellationToken: cancellationToken)).ToDictionary(static movie => movie.Id);
    var libraries = await services.GetRequiredService<ILibraryWriter>().GetUserLibrariesAsync(cancellationToken);
    var users = (await store.GetUsersAsync(cancellationToken)).Where(static user => user.IsActive).ToList();
    checks.That(libraries.Count == users.Count, $"each of the {users.Count} users has a library folder", $"{libraries.Count} found");

    foreach (var library in libraries)
    {
        var picks = (await store.GetLatestAsync(library.UserId, cancellationToken))?.Picks ?? [];
        var folders = Directory.Exists(library.LocalPath) ? Directory.GetDirectories(library.LocalPath) : [];
        checks.That(folders.Length == picks.Count, $"{library.UserName}'s folder holds one movie folder per pick ({picks.Count})", $"{folders.Length} in {library.LocalPath}");

        var complete = 0;
        foreach (var pick in picks)
        {
            var movie = movies[pick.MovieId];
            var folder = folders.SingleOrDefault(folder =>
                Path.GetFileName(folder).StartsWith(pick.Rank.ToString("00", CultureInfo.InvariantCulture) + " - ", StringComparison.Ordinal));
            var strm = folder is null ? null : Directory.GetFiles(folder, "*.strm").SingleOrDefault();
            var nfo = folder is null ? null : Directory.GetFiles(folder, "*.nfo").SingleOrDefault();
            if (strm is not null && nfo is not null
                && File.ReadAllText(strm).Trim() == movie.Path
                && XDocument.Load(nfo).Root is { Name.LocalName: "movie" } root
                && (string?)root.Element("title") == movie.Title)
            {
                complete++;
            }
        }

        checks.That(complete == picks.Count, $"each of {library.UserName}'s picks has a .strm with the movie's path and a .nfo with its title", $"{complete} of {picks.Count}");
        checks.That(
            server.Libraries.Any(serverLibrary => serverLibrary.Name == library.LibraryName),
            $"the server has the library \"{library.LibraryName}\"",
            string.Join(", ", server.Libraries.Select(static serverLibrary => serverLibrary.Name)));
    }

    checks.That(server.RefreshedItemIds.Count > 0, "the server was asked to scan the libraries", "no refresh requested");
}
