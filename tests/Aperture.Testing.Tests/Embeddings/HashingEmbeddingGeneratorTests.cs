using System.Numerics.Tensors;
using Aperture.Embeddings;
using Aperture.Testing;
using Microsoft.Extensions.AI;

namespace Aperture.Testing.Tests.Embeddings;

public sealed class HashingEmbeddingGeneratorTests
{
    [Fact]
    public async Task Makes_unit_vectors_of_the_chosen_size()
    {
        using var generator = new HashingEmbeddingGenerator(64);

        var embeddings = await generator.GenerateAsync(["Alien (1979)", "", "!!!"]);

        Assert.All(embeddings, embedding =>
        {
            Assert.Equal(64, embedding.Vector.Length);
            Assert.Equal(1.0, TensorPrimitives.Norm(embedding.Vector.Span), precision: 5);
        });
        Assert.Equal(new EmbeddingModelId("hash", "token-hash-64", 64), generator.ModelId);
    }

    [Fact]
    public void The_same_text_always_gives_the_same_vector()
    {
        // Pinned values: the vector must not change between runs, machines or versions of .NET.
        var vector = HashingEmbeddingGenerator.Embed("Blade Runner 2049", 8);
        var third = 1 / MathF.Sqrt(3);

        Assert.Equal([third, third, 0, -third, 0, 0, 0, 0], vector, new FloatTolerance());
        Assert.Equal(vector, HashingEmbeddingGenerator.Embed("blade   RUNNER, 2049!", 8));
    }

    private sealed class FloatTolerance : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => MathF.Abs(x - y) < 1e-6f;

        public int GetHashCode(float obj) => 0;
    }

    [Fact]
    public void Texts_sharing_words_are_closer_than_unrelated_texts()
    {
        const int dimensions = 384;
        var spaceA = HashingEmbeddingGenerator.Embed("astronauts travel through space to a distant planet", dimensions);
        var spaceB = HashingEmbeddingGenerator.Embed("astronauts stranded on a distant planet in space", dimensions);
        var romance = HashingEmbeddingGenerator.Embed("two lovers meet in paris and fall in love", dimensions);

        Assert.True(TensorPrimitives.CosineSimilarity(spaceA, spaceB) > TensorPrimitives.CosineSimilarity(spaceA, romance) + 0.3f);
    }

    [Fact]
    public async Task Counts_calls_and_texts_and_describes_itself()
    {
        using var generator = new HashingEmbeddingGenerator();

        await generator.GenerateAsync(["a", "b"]);
        await generator.GenerateAsync(["c"]);

        Assert.Equal(2, generator.CallCount);
        Assert.Equal(3, generator.TextCount);
        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();
        Assert.Equal(("hash", "token-hash-384", 384), (metadata?.ProviderName, metadata?.DefaultModelId, metadata?.DefaultModelDimensions));
    }

    [Fact]
    public void Rejects_a_size_below_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new HashingEmbeddingGenerator(0));
    }
}
