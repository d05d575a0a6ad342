using Microsoft.Extensions.Options;

namespace Aperture.Embeddings;

/// <summary>Validates <see cref="OllamaEmbeddingOptions"/> (source-generated from its attributes).</summary>
[OptionsValidator]
internal sealed partial class OllamaEmbeddingOptionsValidator : IValidateOptions<OllamaEmbeddingOptions>;
