using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aperture.Embeddings;

/// <summary>
/// Aperture's embedding middleware for any Microsoft.Extensions.AI pipeline:
/// <c>generator.AsBuilder().UseEmbeddingBatching().UseEmbeddingRetry().Build(services)</c>. The first
/// <c>Use…</c> is the outermost, so put batching before retry: each provider request is then retried on its own.
/// </summary>
public static class EmbeddingGeneratorBuilderExtensions
{
    /// <summary>
    /// Splits each request into provider requests of at most <paramref name="batchSize"/> inputs, runs at most
    /// <paramref name="maxConcurrency"/> of them at once (across every caller of the built generator) and returns
    /// the embeddings in input order with the usage summed.
    /// </summary>
    /// <param name="builder">The pipeline being built.</param>
    /// <param name="batchSize">The most inputs per provider request (default 128); keep it within the provider's limit.</param>
    /// <param name="maxConcurrency">The most provider requests in flight at once (default 2).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> or <paramref name="maxConcurrency"/> is less than 1.</exception>
    public static EmbeddingGeneratorBuilder<TInput, TEmbedding> UseEmbeddingBatching<TInput, TEmbedding>(
        this EmbeddingGeneratorBuilder<TInput, TEmbedding> builder,
        int batchSize = EmbeddingProviderOptions.DefaultBatchSize,
        int maxConcurrency = EmbeddingProviderOptions.DefaultMaxConcurrency)
        where TEmbedding : Embedding
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        return builder.Use(inner => new BatchingEmbeddingGenerator<TInput, TEmbedding>(inner, batchSize, maxConcurrency));
    }

    /// <summary>
    /// Retries transient failures (HTTP 408, 429, 5xx, time-outs, no response) with capped exponential back-off,
    /// honouring <c>Retry-After</c>, and turns provider errors into typed <see cref="EmbeddingProviderException"/>s
    /// (authentication, quota, unknown model, retries exhausted). Waits use the <see cref="TimeProvider"/> and
    /// logs go to the <see cref="ILoggerFactory"/> of the services the pipeline is built with, when registered.
    /// </summary>
    /// <param name="builder">The pipeline being built.</param>
    /// <param name="configure">Adjusts the retry options (defaults: 4 retries, 1 s doubling to at most 60 s).</param>
    public static EmbeddingGeneratorBuilder<TInput, TEmbedding> UseEmbeddingRetry<TInput, TEmbedding>(
        this EmbeddingGeneratorBuilder<TInput, TEmbedding> builder,
        Action<EmbeddingRetryOptions>? configure = null)
        where TEmbedding : Embedding
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new EmbeddingRetryOptions();
        configure?.Invoke(options);
        return builder.Use((inner, services) =>
        {
            var metadata = inner.GetService<EmbeddingGeneratorMetadata>();
            var model = metadata?.DefaultModelId ?? "unknown-model";
            var provider = metadata?.ProviderName ?? "custom";
            return new RetryingEmbeddingGenerator<TInput, TEmbedding>(
                inner,
                options,
                EmbeddingProviderDescription.ForGenerator($"{provider}:{model}", model),
                services.GetService<TimeProvider>() ?? TimeProvider.System,
                services.GetService<ILoggerFactory>()?.CreateLogger(typeof(EmbeddingGeneratorBuilderExtensions).Namespace!) ?? NullLogger.Instance);
        });
    }

    /// <summary>
    /// Refuses vectors whose length is not <paramref name="model"/>'s dimensions: the call throws
    /// <see cref="EmbeddingDimensionMismatchException"/> instead of returning them.
    /// </summary>
    /// <param name="builder">The pipeline being built.</param>
    /// <param name="model">The active model, whose dimensions every vector must have.</param>
    public static EmbeddingGeneratorBuilder<TInput, Embedding<float>> UseEmbeddingDimensionCheck<TInput>(
        this EmbeddingGeneratorBuilder<TInput, Embedding<float>> builder,
        IActiveEmbeddingModel model)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(model);
        return builder.Use(inner => new DimensionCheckingEmbeddingGenerator<TInput>(
            inner,
            model,
            "Configure the model's real dimensions, or choose the model that makes vectors of the configured size."));
    }

    /// <summary>Refuses vectors whose length is not <paramref name="model"/>'s dimensions.</summary>
    /// <param name="builder">The pipeline being built.</param>
    /// <param name="model">The model, whose dimensions every vector must have.</param>
    public static EmbeddingGeneratorBuilder<TInput, Embedding<float>> UseEmbeddingDimensionCheck<TInput>(
        this EmbeddingGeneratorBuilder<TInput, Embedding<float>> builder,
        EmbeddingModelId model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return builder.UseEmbeddingDimensionCheck(new ActiveEmbeddingModel(model));
    }
}
