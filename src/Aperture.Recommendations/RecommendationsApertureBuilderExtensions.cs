using Aperture.Recommendations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Aperture;

/// <summary>Registers the hybrid recommender.</summary>
public static class RecommendationsApertureBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="IRecommender"/> (the hybrid recommender) and <see cref="IRecommendationEvaluator"/>, with
    /// <see cref="RecommendationOptions"/> bound to <c>Aperture:Recommendations</c>, then <paramref name="configure"/>,
    /// validated at start-up. Needs a store, and an embedding provider (for <c>IActiveEmbeddingModel</c>); for
    /// <see cref="ExplanationMode.Chat"/> register a <c>Microsoft.Extensions.AI.IChatClient</c> as well.
    /// </summary>
    public static IApertureBuilder AddRecommender(this IApertureBuilder builder, Action<RecommendationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<RecommendationOptions>().BindConfiguration(RecommendationOptions.SectionName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RecommendationOptions>, RecommendationOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IRecommender, Recommender>();
        services.TryAddSingleton<IRecommendationEvaluator, RecommendationEvaluator>();
        return builder;
    }
}
