namespace Aperture.Jobs;

/// <summary>Registers the <c>generate-movie-embeddings</c> job.</summary>
public static class GenerateEmbeddingsJobApertureBuilderExtensions
{
    /// <summary>
    /// Registers the <c>generate-movie-embeddings</c> job (and the job engine if it is not registered yet). It needs a
    /// store and an embedding provider (<c>AddOpenAIEmbeddings</c>, <c>AddOllamaEmbeddings</c>,
    /// <c>AddLocalEmbeddings</c> or <c>AddEmbeddingGenerator</c>); without a provider the host still starts and the
    /// job fails with a message saying how to configure one.
    /// </summary>
    /// <param name="builder">The Aperture builder.</param>
    public static IApertureBuilder AddGenerateMovieEmbeddingsJob(this IApertureBuilder builder) =>
        builder.AddJob<GenerateEmbeddingsJob>();
}
