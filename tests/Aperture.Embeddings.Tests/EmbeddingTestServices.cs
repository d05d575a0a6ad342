using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Aperture.Embeddings.Tests;

/// <summary>
/// A service provider composed the way a host composes Aperture, with a fake clock that jumps over every retry
/// wait (so retries cost no wall-clock time) and captured logs.
/// </summary>
public sealed class EmbeddingTestServices : IAsyncDisposable, IDisposable
{
    private readonly ServiceProvider _provider;

    public EmbeddingTestServices(Action<IApertureBuilder> compose, IDictionary<string, string?>? settings = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build());
        services.AddSingleton<TimeProvider>(Time);
        services.AddFakeLogging();
        services.AddSingleton<Aperture.Storage.IEmbeddingStore>(Store);
        compose(services.AddAperture());
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    internal TestEmbeddingStore Store { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>Every retry wait, in order.</summary>
    public List<EmbeddingRetryArguments> Retries { get; } = [];

    public IServiceProvider Services => _provider;

    public FakeLogCollector Logs => _provider.GetFakeLogCollector();

    /// <summary>An OnRetry hook that records the retry and advances the fake clock past its wait.</summary>
    public ValueTask SkipWait(EmbeddingRetryArguments retry)
    {
        lock (Retries)
        {
            Retries.Add(retry);
        }

        Time.Advance(retry.Delay);
        return ValueTask.CompletedTask;
    }

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    public ValueTask DisposeAsync() => _provider.DisposeAsync();

    public void Dispose() => _provider.Dispose();
}
