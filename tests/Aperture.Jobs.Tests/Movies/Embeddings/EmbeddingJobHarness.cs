using Aperture.Catalog;
using Aperture.Embeddings;
using Aperture.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Aperture.Jobs.Tests.Movies.Embeddings;

/// <summary>
/// Services for running <see cref="GenerateEmbeddingsJob"/> directly: a store (in-memory unless composed
/// otherwise), an embedding provider chosen by the test, and a fake clock that skips every retry wait.
/// </summary>
internal sealed class EmbeddingJobHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    public EmbeddingJobHarness(Action<IApertureBuilder, EmbeddingJobHarness>? compose = null, Action<IApertureBuilder>? store = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        var builder = services.AddAperture();
        if (store is null)
        {
            builder.AddInMemoryStore();
        }
        else
        {
            store(builder);
        }

        compose?.Invoke(builder, this);
        builder.AddGenerateMovieEmbeddingsJob();
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));

    public IApertureStore Store => _provider.GetRequiredService<IApertureStore>();

    public IServiceProvider Services => _provider;

    /// <summary>A retry hook that skips the wait on the fake clock.</summary>
    public ValueTask SkipWait(EmbeddingRetryArguments retry)
    {
        Time.Advance(retry.Delay);
        return ValueTask.CompletedTask;
    }

    public GenerateEmbeddingsJob Job() => _provider.GetRequiredService<GenerateEmbeddingsJob>();

    public async Task<(JobResult Result, TestJobContext Context)> RunAsync(CancellationToken cancellationToken = default)
    {
        var context = new TestJobContext(MovieJobNames.GenerateEmbeddings, timeProvider: Time);
        var result = await Job().RunAsync(context.Context, cancellationToken);
        return (result, context);
    }

    public async Task<IReadOnlyList<Movie>> SeedAsync(int count, Func<int, Movie>? create = null)
    {
        var movies = Enumerable.Range(0, count).Select(create ?? DemoMovie).ToList();
        var result = await Store.UpsertMoviesAsync(movies);
        return result.Movies;
    }

    public static Movie DemoMovie(int i) => new()
    {
        ServerId = $"item-{i:D5}",
        Title = $"Movie {i}",
        Year = 1990 + (i % 30),
        Genres = i % 2 == 0 ? ["Science Fiction", "Adventure"] : ["Romance", "Drama"],
        Overview = i % 2 == 0
            ? $"Astronauts on mission {i} travel beyond the galaxy to save a dying Earth."
            : $"Two strangers meet in Paris in summer {i} and fall in love against the odds.",
        Directors = [$"Director {i % 7}"],
        Actors = [new CastMember($"Actor {i % 11}"), new CastMember($"Actor {(i + 3) % 11}")],
    };

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
