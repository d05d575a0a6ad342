using Microsoft.Extensions.Options;

namespace Aperture.Embeddings;

/// <summary>Validates <see cref="EmbeddingProviderOptions"/> (source-generated from its attributes).</summary>
[OptionsValidator]
internal sealed partial class EmbeddingProviderOptionsValidator : IValidateOptions<EmbeddingProviderOptions>;
