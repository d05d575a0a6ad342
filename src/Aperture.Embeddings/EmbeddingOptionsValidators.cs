using Microsoft.Extensions.Options;

namespace Aperture.Embeddings;

/// <summary>Validates <see cref="EmbeddingProviderOptions"/> (source-generated from its attributes).</summary>
[OptionsValidator]
internal sealed partial class EmbeddingProviderOptionsValidator : IValidateOptions<EmbeddingProviderOptions>;

/// <summary>Validates <see cref="OpenAIEmbeddingOptions"/> (source-generated from its attributes).</summary>
[OptionsValidator]
internal sealed partial class OpenAIEmbeddingOptionsValidator : IValidateOptions<OpenAIEmbeddingOptions>;

/// <summary>Validates <see cref="OllamaEmbeddingOptions"/> (source-generated from its attributes).</summary>
[OptionsValidator]
internal sealed partial class OllamaEmbeddingOptionsValidator : IValidateOptions<OllamaEmbeddingOptions>;
