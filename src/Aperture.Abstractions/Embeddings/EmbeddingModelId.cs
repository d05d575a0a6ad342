using System.Globalization;

namespace Aperture.Embeddings;

/// <summary>
/// The identity of an embedding model: which provider, which model, how many dimensions. Stored with every
/// vector, so vectors of different models never mix.
/// </summary>
/// <param name="Provider">The provider, lower case (for example <c>openai</c>, <c>ollama</c>, <c>local</c>).</param>
/// <param name="Model">The model name (for example <c>text-embedding-3-small</c>).</param>
/// <param name="Dimensions">The vector length, 1 or more.</param>
public sealed record EmbeddingModelId(string Provider, string Model, int Dimensions)
{
    /// <summary>The key vectors are stored under: <c>provider:model</c>.</summary>
    public string Key => $"{Provider}:{Model}";

    /// <summary>Returns <c>provider:model (N d)</c>.</summary>
    public override string ToString() => $"{Key} ({Dimensions.ToString(CultureInfo.InvariantCulture)} d)";
}
