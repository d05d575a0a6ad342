using Aperture.Jobs.Movies;

namespace Aperture.Jobs;

/// <summary>Registers the <c>generate-movie-recommendations</c> job.</summary>
public static class GenerateRecommendationsJobApertureBuilderExtensions
{
    /// <summary>
    /// Registers the <c>generate-movie-recommendations</c> job (and the job engine if it is not registered yet). It needs
    /// a store and a recommender (<c>AddRecommender</c>, which needs an embedding provider).
    /// </summary>
    /// <param name="builder">The Aperture builder.</param>
    public static IApertureBuilder AddGenerateMovieRecommendationsJob(this IApertureBuilder builder) =>
        builder.AddUserSelection().AddJob<GenerateRecommendationsJob>();
}
