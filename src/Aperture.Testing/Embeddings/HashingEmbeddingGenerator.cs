using Aperture.Embeddings;
using Microsoft.Extensions.AI;

namespace Aperture.Testing;

/// <summary>
/// A fast, deterministic embedding generator for tests and demos: feature hashing of a text's words. Every word
/// (lower-cased run of letters and digits) adds ±1 to one of <see cref="Dimensions"/> buckets, chosen by a
/// stable 64-bit FNV-1a hash; the sum is L2-normalised. Texts sharing words get similar vectors, the same text
/// always the same vector (on every machine and run), and nothing leaves the process.
/// </summary>
public sealed class HashingEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The provider part of the model key.</summary>
    public const string ProviderName = "hash";

    /// <summary>The default of <see cref="Dimensions"/>.</summary>
    public const int DefaultDimensions = 384;

    private const ulong FnvOffset = 14695981039346656037;
    private const ulong FnvPrime = 1099511628211;

    private readonly EmbeddingGeneratorMetadata _metadata;
    private long _callCount;
    private long _textCount;

    /// <summary>Creates the generator.</summary>
    /// <param name="dimensions">The vector length (default 384), 1 or more.</param>
    public HashingEmbeddingGenerator(int dimensions = DefaultDimensions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        Dimensions = dimensions;
        ModelId = new EmbeddingModelId(ProviderName, ModelNameFor(dimensions), dimensions);
        _metadata = new EmbeddingGeneratorMetadata(ProviderName, null, ModelId.Model, dimensions);
    }

    /// <summary>The vector length.</summary>
    public int Dimensions { get; }

    /// <summary>The model identity: <c>hash:token-hash-N</c> with N dimensions.</summary>
    public EmbeddingModelId ModelId { get; }

    /// <summary>How many times <see cref="GenerateAsync"/> was called.</summary>
    public long CallCount => Interlocked.Read(ref _callCount);

    /// <summary>How many texts were embedded in all.</summary>
    public long TextCount => Interlocked.Read(ref _textCount);

    /// <summary>The model name for <paramref name="dimensions"/> (each size is a model of its own).</summary>
    public static string ModelNameFor(int dimensions) => $"token-hash-{dimensions}";

    /// <summary>Embeds one text into a new unit vector of <paramref name="dimensions"/> values.</summary>
    public static float[] Embed(string text, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        var vector = new float[dimensions];
        var hash = FnvOffset;
        var inWord = false;
        var words = 0;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                hash = (hash ^ char.ToLowerInvariant(c)) * FnvPrime;
                inWord = true;
            }
            else if (inWord)
            {
                Add(vector, hash);
                words++;
                hash = FnvOffset;
                inWord = false;
            }
        }

        if (inWord || words == 0)
        {
            // The last word, or for a text without words one fixed bucket, so no vector is all zeros.
            Add(vector, hash);
        }

        Normalize(vector);
        return vector;
    }

    /// <inheritdoc />
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        cancellationToken.ThrowIfCancellationRequested();
        var dimensions = options?.Dimensions ?? Dimensions;
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var value in values)
        {
            result.Add(new Embedding<float>(Embed(value, dimensions)) { ModelId = ModelId.Model });
        }

        Interlocked.Increment(ref _callCount);
        Interlocked.Add(ref _textCount, result.Count);
        return Task.FromResult(result);
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
    }

    private static void Add(float[] vector, ulong hash)
    {
        var index = (int)(hash % (ulong)vector.Length);
        vector[index] += (hash >> 63) == 0 ? 1f : -1f;
    }

    private static void Normalize(float[] vector)
    {
        var sum = 0.0;
        foreach (var value in vector)
        {
            sum += value * value;
        }

        if (sum == 0)
        {
            // Words whose ±1 cancelled out in one bucket: fall back to a fixed unit vector.
            vector[0] = 1f;
            return;
        }

        var scale = (float)(1 / Math.Sqrt(sum));
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] *= scale;
        }
    }
}
