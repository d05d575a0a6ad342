using Aperture.Jobs.Movies;

namespace Aperture.Jobs;

/// <summary>Registers the <c>full-reset-movie-recommendations</c> job.</summary>
public static class FullResetRecommendationsJobApertureBuilderExtensions
{
    /// <summary>
    /// Registers the manual-only <c>full-reset-movie-recommendations</c> job (and the job engine if it is not registered
    /// yet). It needs a store and a recommender (<c>AddRecommender</c>).
    /// </summary>
    /// <param name="builder">The Aperture builder.</param>
    public static IApertureBuilder AddFullResetMovieRecommendationsJob(this IApertureBuilder builder) =>
        builder.AddUserSelection().AddJob<FullResetRecommendationsJob>();
}
