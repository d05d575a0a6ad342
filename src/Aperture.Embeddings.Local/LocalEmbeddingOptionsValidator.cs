using Microsoft.Extensions.Options;

namespace Aperture.Embeddings;

/// <summary>Validates <see cref="LocalEmbeddingOptions"/> (source-generated).</summary>
[OptionsValidator]
internal sealed partial class LocalEmbeddingOptionsValidator : IValidateOptions<LocalEmbeddingOptions>;
