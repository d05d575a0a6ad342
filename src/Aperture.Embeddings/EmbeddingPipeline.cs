using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Aperture.Embeddings;

/// <summary>
/// The registered provider composed with Aperture's middleware:
/// batching (outermost) → dimension check → retry → the provider. The active model probes (when it must)
/// through the retrying provider, beneath the dimension check that depends on it.
/// </summary>
internal sealed class EmbeddingPipeline
{
    /// <summary>Composes the pipeline.</summary>
    public EmbeddingPipeline(EmbeddingProviderSetup setup, EmbeddingProviderOptions options, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var logger = loggerFactory.CreateLogger(typeof(EmbeddingPipeline).Namespace!);
        var retrying = new RetryingEmbeddingGenerator<string, Embedding<float>>(setup.Generator, options.Retry, setup.Description, timeProvider, logger);
        ActiveModel = new ActiveEmbeddingModel(setup.Provider, setup.Model, setup.Dimensions, retrying, logger);
        Generator = new BatchingEmbeddingGenerator<string, Embedding<float>>(
            new DimensionCheckingEmbeddingGenerator<string>(retrying, ActiveModel, setup.Description.DimensionsFix),
            options.BatchSize,
            options.MaxConcurrency);
    }

    /// <summary>The active model.</summary>
    public ActiveEmbeddingModel ActiveModel { get; }

    /// <summary>The generator applications and jobs call.</summary>
    public IEmbeddingGenerator<string, Embedding<float>> Generator { get; }
}
