using Microsoft.Extensions.AI;

namespace Aperture.Embeddings.Tests;

/// <summary>
/// A scriptable generator for middleware tests: each call runs <see cref="Behavior"/> (default: vectors
/// [index, length]) and is recorded.
/// </summary>
internal sealed class TestEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly Lock _gate = new();
    private int _inFlight;

    public List<IReadOnlyList<string>> Calls { get; } = [];

    public int MaxInFlight { get; private set; }

    public Func<IReadOnlyList<string>, int, CancellationToken, Task<GeneratedEmbeddings<Embedding<float>>>> Behavior { get; set; } =
        (values, _, _) => Task.FromResult(Vectors(values, 2));

    public static GeneratedEmbeddings<Embedding<float>> Vectors(IReadOnlyList<string> values, int dimensions) =>
        new(values.Select(value => new Embedding<float>(Enumerable.Range(0, dimensions).Select(i => (float)(value.Length + i)).ToArray()))) { Usage = new UsageDetails { InputTokenCount = values.Count } };

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = values.ToList();
        int call;
        lock (_gate)
        {
            Calls.Add(list);
            call = Calls.Count;
            MaxInFlight = Math.Max(MaxInFlight, ++_inFlight);
        }

        try
        {
            return await Behavior(list, call, cancellationToken);
        }
        finally
        {
            lock (_gate)
            {
                _inFlight--;
            }
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata("test", null, "scripted", null)
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
        Disposed = true;
    }

    public bool Disposed { get; private set; }
}
