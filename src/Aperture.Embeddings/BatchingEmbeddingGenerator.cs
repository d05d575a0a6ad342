using Microsoft.Extensions.AI;

namespace Aperture.Embeddings;

/// <summary>
/// Splits a request into provider requests of at most <see cref="BatchSize"/> inputs and runs at most
/// <see cref="MaxConcurrency"/> of them at once, across every caller of this instance. The results come back
/// in input order, as one <see cref="GeneratedEmbeddings{TEmbedding}"/> with the usage summed.
/// </summary>
/// <typeparam name="TInput">The input type.</typeparam>
/// <typeparam name="TEmbedding">The embedding type.</typeparam>
internal sealed class BatchingEmbeddingGenerator<TInput, TEmbedding> : DelegatingEmbeddingGenerator<TInput, TEmbedding>
    where TEmbedding : Embedding
{
    private readonly SemaphoreSlim _requests;

    /// <summary>Wraps <paramref name="innerGenerator"/>.</summary>
    /// <param name="innerGenerator">The generator that sends one provider request per call.</param>
    /// <param name="batchSize">The most inputs per provider request (1 or more).</param>
    /// <param name="maxConcurrency">The most provider requests in flight at once (1 or more).</param>
    public BatchingEmbeddingGenerator(IEmbeddingGenerator<TInput, TEmbedding> innerGenerator, int batchSize, int maxConcurrency)
        : base(innerGenerator)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        BatchSize = batchSize;
        MaxConcurrency = maxConcurrency;
        _requests = new SemaphoreSlim(maxConcurrency, maxConcurrency);
    }

    /// <summary>The most inputs per provider request.</summary>
    public int BatchSize { get; }

    /// <summary>The most provider requests in flight at once.</summary>
    public int MaxConcurrency { get; }

    /// <inheritdoc />
    public override async Task<GeneratedEmbeddings<TEmbedding>> GenerateAsync(
        IEnumerable<TInput> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var inputs = values as IReadOnlyList<TInput> ?? values.ToArray();
        if (inputs.Count == 0)
        {
            return [];
        }

        if (inputs.Count <= BatchSize)
        {
            return await SendAsync(inputs, options, cancellationToken).ConfigureAwait(false);
        }

        var batches = inputs.Chunk(BatchSize).ToArray();
        var results = new GeneratedEmbeddings<TEmbedding>[batches.Length];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, batches.Length),
            new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrency, CancellationToken = cancellationToken },
            async (index, token) => results[index] = await SendAsync(batches[index], options, token).ConfigureAwait(false)).ConfigureAwait(false);

        var combined = new GeneratedEmbeddings<TEmbedding>(inputs.Count);
        foreach (var result in results)
        {
            combined.AddRange(result);
            if (result.Usage is { } usage)
            {
                (combined.Usage ??= new UsageDetails()).Add(usage);
            }
        }

        return combined;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _requests.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task<GeneratedEmbeddings<TEmbedding>> SendAsync(
        IReadOnlyList<TInput> batch,
        EmbeddingGenerationOptions? options,
        CancellationToken cancellationToken)
    {
        await _requests.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var result = await base.GenerateAsync(batch, options, cancellationToken).ConfigureAwait(false);
            if (result.Count != batch.Count)
            {
                throw new EmbeddingProviderException(
                    $"The embedding provider returned {result.Count} embeddings for {batch.Count} texts; none of them were used. " +
                    "The provider or the generator in front of it is faulty: check its version and configuration.");
            }

            return result;
        }
        finally
        {
            _requests.Release();
        }
    }
}
