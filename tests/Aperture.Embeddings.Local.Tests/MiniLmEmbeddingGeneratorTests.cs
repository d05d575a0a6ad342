using System.Numerics.Tensors;
using Microsoft.Extensions.AI;

namespace Aperture.Embeddings.Local.Tests;

public sealed class MiniLmEmbeddingGeneratorTests(MiniLmFixture fixture) : IClassFixture<MiniLmFixture>
{
    private const string SciFi1 =
        "Interstellar (2014)\nGenres: Science Fiction, Drama\nOverview: A team of astronauts travels through a wormhole near Saturn in search of a new home for humanity as Earth's crops fail.";

    private const string SciFi2 =
        "The Martian (2015)\nGenres: Science Fiction, Adventure\nOverview: An astronaut stranded on Mars after his crew leaves him for dead must survive on the red planet until a rescue mission from NASA can reach him.";

    private const string Romance =
        "The Notebook (2004)\nGenres: Romance, Drama\nOverview: In 1940s South Carolina, a poor young man and a rich young woman fall deeply in love during one summer, but her parents disapprove of the romance.";

    private static float Cosine(Embedding<float> a, Embedding<float> b) => TensorPrimitives.CosineSimilarity(a.Vector.Span, b.Vector.Span);

    [Fact]
    public async Task Makes_384_dimension_unit_vectors()
    {
        var embeddings = await fixture.Generator.GenerateAsync([SciFi1, "", "a"]);

        Assert.Equal(3, embeddings.Count);
        Assert.All(embeddings, embedding =>
        {
            Assert.Equal(384, embedding.Vector.Length);
            Assert.Equal(1.0, TensorPrimitives.Norm(embedding.Vector.Span), precision: 5);
        });
    }

    [Fact]
    public async Task A_sci_fi_text_is_closer_to_sci_fi_than_to_a_romance()
    {
        var embeddings = await fixture.Generator.GenerateAsync([SciFi1, SciFi2, Romance]);

        var sciFiToSciFi = Cosine(embeddings[0], embeddings[1]);
        var sciFiToRomance = Cosine(embeddings[0], embeddings[2]);
        Assert.True(sciFiToSciFi > sciFiToRomance + 0.05, $"sci-fi/sci-fi {sciFiToSciFi:F3} vs sci-fi/romance {sciFiToRomance:F3}");
        Assert.True(Cosine(embeddings[1], embeddings[0]) > Cosine(embeddings[1], embeddings[2]));
    }

    [Fact]
    public async Task Results_keep_input_order_whatever_the_length_sorting()
    {
        var texts = new[] { SciFi2, "short", Romance, "a bit longer text", SciFi1 };

        var together = await fixture.Generator.GenerateAsync(texts);

        for (var i = 0; i < texts.Length; i++)
        {
            var alone = await fixture.Generator.GenerateAsync([texts[i]]);
            Assert.True(Cosine(together[i], alone[0]) > 0.9999f, $"text {i} differs when embedded alone");
        }
    }

    [Fact]
    public async Task Concurrent_callers_get_the_same_vectors_as_one_caller()
    {
        var texts = Enumerable.Range(0, 12).Select(i => $"Movie number {i} about {(i % 2 == 0 ? "robots in space" : "love in Paris")}").ToArray();
        var expected = await fixture.Generator.GenerateAsync(texts);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => fixture.Generator.GenerateAsync(texts))));

        Assert.All(results, result =>
        {
            for (var i = 0; i < texts.Length; i++)
            {
                Assert.True(Cosine(expected[i], result[i]) > 0.9999f);
            }
        });
    }

    [Fact]
    public async Task Nothing_in_means_nothing_out()
    {
        Assert.Empty(await fixture.Generator.GenerateAsync([]));
    }

    [Fact]
    public async Task A_cancelled_request_stops()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fixture.Generator.GenerateAsync([SciFi1], cancellationToken: cancellation.Token));
    }

    [Fact]
    public void Describes_itself()
    {
        var metadata = fixture.Generator.GetService<EmbeddingGeneratorMetadata>();

        Assert.Equal("local", metadata?.ProviderName);
        Assert.Equal("all-MiniLM-L6-v2", metadata?.DefaultModelId);
        Assert.Equal(384, metadata?.DefaultModelDimensions);
    }
}
