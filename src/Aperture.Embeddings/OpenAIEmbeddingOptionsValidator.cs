using Microsoft.Extensions.Options;

namespace Aperture.Embeddings;

/// <summary>Validates <see cref="OpenAIEmbeddingOptions"/> (source-generated from its attributes).</summary>
[OptionsValidator]
internal sealed partial class OpenAIEmbeddingOptionsValidator : IValidateOptions<OpenAIEmbeddingOptions>;
