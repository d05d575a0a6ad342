using Aperture.Embeddings;
using Aperture.Jobs;
using Aperture.Storage;
using Aperture.Testing;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aperture.Benchmarks.Embeddings;

/// <summary>
/// Provider calls per movie, and the time to embed a catalogue, through the whole path: the
/// <c>generate-movie-embeddings</c> job, Aperture's pipeline, the OpenAI SDK and HTTP to the fake server. The
/// baseline sends one text per request (what a naive loop does); the default batches 128 texts a request.
/// Each operation embeds <see cref="Movies"/> movies from scratch. Calls per movie are counted exactly at set-up
/// and printed to the log (<c>// calls per movie</c>) and in the summary's <c>CallsPerMovie</c> column.
/// </summary>
[MemoryDiagnoser]
[CallsPerMovieColumn]
public class ProviderCallsBenchmarks
{
    private const int Movies = 1024;

    private FakeOpenAIEmbeddingServer _server = null!;
    private ServiceProvider _oneText = null!;
    private ServiceProvider _batched = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = await FakeOpenAIEmbeddingServer.StartAsync(new FakeOpenAIEmbeddingServerOptions { Dimensions = 256 });
        _oneText = await ComposeAsync(batchSize: 1);
        _batched = await ComposeAsync(batchSize: EmbeddingProviderOptions.DefaultBatchSize);
        foreach (var (name, services) in new[] { ("one text per request", _oneText), ("default batch size", _batched) })
        {
            _server.Reset();
            await RunAsync(services);
            var calls = _server.RequestCount / (double)Movies;
            CallsPerMovieColumnAttribute.Record(name == "default batch size" ? nameof(DefaultBatchSize) : nameof(OneTextPerRequest), calls);
            Console.WriteLine($"// calls per movie ({name}): {_server.RequestCount} requests / {Movies} movies = {calls:F4}");
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _oneText.DisposeAsync();
        await _batched.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public Task<JobResult> OneTextPerRequest() => RunAsync(_oneText);

    [Benchmark]
    public Task<JobResult> DefaultBatchSize() => RunAsync(_batched);

    private async Task<ServiceProvider> ComposeAsync(int batchSize)
    {
        var services = new ServiceCollection();
        services.AddAperture()
            .AddInMemoryStore()
            .AddOpenAIEmbeddings(o =>
            {
                o.ApiKey = "sk-bench";
                o.BaseUrl = _server.BaseUrl;
                o.Dimensions = 256;
                o.BatchSize = batchSize;
            })
            .AddGenerateMovieEmbeddingsJob();
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<IMovieCatalogStore>().UpsertMoviesAsync(BenchmarkMovies.Create(Movies));
        return provider;
    }

    private static async Task<JobResult> RunAsync(IServiceProvider services)
    {
        // Each operation starts from an empty vector set, so every movie is embedded.
        await services.GetRequiredService<IEmbeddingStore>().PurgeModelAsync("openai:text-embedding-3-small@256");
        var job = services.GetRequiredService<GenerateEmbeddingsJob>();
        var context = new JobContext(Guid.NewGuid(), job.Name, null, JobTrigger.Manual, NoProgress.Instance, NullLogger.Instance, TimeProvider.System);
        return await job.RunAsync(context, CancellationToken.None);
    }

    private sealed class NoProgress : IJobProgress
    {
        public static readonly NoProgress Instance = new();

        public void BeginStep(int index, int count, string name, long? itemsTotal = null)
        {
        }

        public void SetItemsTotal(long itemsTotal)
        {
        }

        public void Advance(long items = 1, string? currentItem = null)
        {
        }
    }
}
