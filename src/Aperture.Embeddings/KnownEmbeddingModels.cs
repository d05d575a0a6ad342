namespace Aperture.Embeddings;

/// <summary>
/// Vector lengths of common embedding models, so the active model's dimensions are known without a probe
/// request. A model not listed is probed once.
/// </summary>
internal static class KnownEmbeddingModels
{
    private static readonly Dictionary<string, int> Dimensions = new(StringComparer.OrdinalIgnoreCase)
    {
        // OpenAI
        ["text-embedding-3-small"] = 1536,
        ["text-embedding-3-large"] = 3072,
        ["text-embedding-ada-002"] = 1536,

        // Ollama library (a tag such as ":latest" or ":v1.5" is ignored)
        ["nomic-embed-text"] = 768,
        ["mxbai-embed-large"] = 1024,
        ["all-minilm"] = 384,
        ["snowflake-arctic-embed"] = 1024,
        ["bge-m3"] = 1024,
        ["bge-large"] = 1024,
    };

    /// <summary>Returns the model's dimensions, or <see langword="null"/> when it is not known.</summary>
    public static int? Find(string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (Dimensions.TryGetValue(model, out var dimensions))
        {
            return dimensions;
        }

        var tag = model.IndexOf(':', StringComparison.Ordinal);
        return tag > 0 && Dimensions.TryGetValue(model[..tag], out dimensions) ? dimensions : null;
    }
}
