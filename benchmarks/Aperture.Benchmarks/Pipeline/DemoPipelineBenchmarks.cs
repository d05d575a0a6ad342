using System.Diagnostics;
using Aperture.Benchmarks.Common;
using Aperture.Jobs;
using Aperture.Samples;
using Aperture.Samples.Console.Demo;
using Aperture.Testing;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aperture.Benchmarks.Pipeline;

/// <summary>
/// The whole movie pipeline as <c>aperture demo</c> runs it, from an empty data folder: the sample's demo server
/// (2 000 films of its bundled catalogue, 5 users with taste-driven histories, on the Jellyfin emulator) and a host
/// composed from configuration exactly as the sample composes it (<c>AddFromConfiguration</c>: SQLite store, the
/// chosen embedding provider, recommender, library writer, the six jobs). Each operation runs sync-movies,
/// generate-movie-embeddings, sync-movie-watch-history, generate-movie-recommendations and sync-movie-libraries
/// once. The baseline embeds with the instant hash provider; the local all-MiniLM-L6-v2 model (model load included)
/// is the demo's default. Each job's duration is printed to the log.
/// </summary>
/// <remarks>
/// Slow by design (one operation per iteration, no warm-up: a first run is what is measured); the data folder is
/// under the system temp folder.
/// </remarks>
/// <example><c>dotnet run -c Release --project benchmarks/Aperture.Benchmarks -- --filter '*DemoPipeline*' --inProcess</c></example>
[MemoryDiagnoser]
[PeakMemoryColumn]
[WarmupCount(0)]
[IterationCount(2)]
public class DemoPipelineBenchmarks
{
    private const int Movies = DemoSettings.DefaultMovies;
    private const int Users = DemoSettings.DefaultUsers;

    private readonly PeakMemoryScope _memory = new();
    private string _folder = "";
    private MediaServerEmulator _server = null!;
    private IHost _host = null!;

    /// <summary>The embedding provider: <c>hash</c> (instant, the baseline) or <c>local</c> (the bundled model).</summary>
    [Params("hash", "local")]
    public string Embeddings { get; set; } = "hash";

    [IterationSetup]
    public void Start()
    {
        _folder = Directory.CreateTempSubdirectory("aperture-bench-demo-").FullName;
        var settings = new DemoSettings(_folder, Movies, Users, Embeddings);
        _server = DemoServer.StartAsync(Movies, Users, CancellationToken.None).GetAwaiter().GetResult();

        // As the sample's host factory composes it, without its console logging.
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _folder });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [ConfiguredApertureBuilderExtensions.MediaServerKindSetting] = _server.Kind.ToString(),
            ["Aperture:MediaServer:BaseUrl"] = _server.BaseUrl.ToString(),
            ["Aperture:MediaServer:ApiKey"] = _server.ApiKey,
            ["Aperture:Storage:Path"] = settings.DatabasePath,
            [ConfiguredApertureBuilderExtensions.EmbeddingProviderSetting] = settings.Embeddings,
            ["Aperture:Libraries:OutputRoot"] = settings.LibraryRoot,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddAperture(aperture => aperture.AddFromConfiguration(builder.Configuration, ("hash", static hash => hash.AddHashingEmbeddings())));
        _host = builder.Build();
        _host.StartAsync().GetAwaiter().GetResult();
        _memory.Begin(PeakMemoryColumnAttribute.Key(nameof(DemoPipelineBenchmarks), nameof(Pipeline), Embeddings));
    }

    [IterationCleanup]
    public void Stop()
    {
        _memory.End();
        _host.StopAsync().GetAwaiter().GetResult();
        _host.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);

        // Dropped, so the next case's memory figures do not carry this one's (BenchmarkDotNet keeps instances).
        _host = null!;
        _server = null!;
    }

    [Benchmark(Baseline = true, Description = "demo pipeline, 2 000 movies, 5 users")]
    public async Task<int> Pipeline()
    {
        var clock = Stopwatch.StartNew();
        var runs = await _host.Services.GetRequiredService<IJobRunner>().RunPipelineAsync();
        foreach (var run in runs)
        {
            Console.WriteLine($"// {Embeddings}: {run.JobName} {run.Status} in {(run.EndedAt - run.StartedAt)?.TotalSeconds:F2} s: {run.Summary}");
        }

        Console.WriteLine($"// {Embeddings}: pipeline {clock.Elapsed.TotalSeconds:F1} s");
        return runs.Count == MovieJobNames.Pipeline.Count && runs.All(static run => run.Status == JobRunStatus.Succeeded)
            ? runs.Count
            : throw new InvalidOperationException($"The pipeline stopped: {string.Join("; ", runs.Select(static run => $"{run.JobName} {run.Status} {run.Error}"))}");
    }
}
