using Aperture.Embeddings;
using Aperture.Storage;
using Aperture.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Aperture.Jobs.Tests.Movies.Embeddings;

public sealed class GenerateEmbeddingsJobTests
{
    private static EmbeddingJobHarness WithHashing(int dimensions = 32) =>
        new((builder, _) => builder.AddHashingEmbeddings(dimensions));

    [Fact]
    public void Describes_itself()
    {
        var job = new GenerateEmbeddingsJob(new InMemoryApertureStore(TimeProvider.System), new InMemoryApertureStore(TimeProvider.System));

        Assert.Equal("generate-movie-embeddings", job.Name);
        Assert.Equal(["sync-movies"], job.Prerequisites);
        Assert.False(job.IsManualOnly);
        Assert.Equal("0 3 * * *", job.DefaultSchedule.Cron);
    }

    [Fact]
    public async Task First_run_embeds_every_movie_and_the_second_none()
    {
        await using var harness = WithHashing();
        var movies = await harness.SeedAsync(300);

        var (first, context) = await harness.RunAsync();
        var (second, _) = await harness.RunAsync();

        Assert.Equal((300, 0, 0), (first["generated"], first["skipped"], first["failed"]));
        Assert.Equal((0, 300, 0), (second["generated"], second["skipped"], second["failed"]));
        Assert.Equal("300 movies: all up to date with hash:token-hash-32", second.Summary);
        Assert.Equal(["Checking the embedding provider", "Finding movies to embed", "Generating embeddings"], context.Progress.Steps);
        Assert.Equal(300, context.Progress.ItemsAdvanced);

        var vectors = await harness.Store.GetVectorsAsync("hash:token-hash-32");
        Assert.Equal(movies.Select(m => m.Id).Order(), vectors.Select(v => v.MovieId).Order());
        var builder = harness.Services.GetRequiredService<IMovieTextBuilder>();
        var sample = vectors.Single(v => v.MovieId == movies[7].Id);
        Assert.Equal(builder.Hash(builder.Build(movies[7])), sample.TextHash);
        Assert.Equal(HashingEmbeddingGenerator.Embed(builder.Build(movies[7]), 32), sample.Vector.ToArray());
    }

    [Fact]
    public async Task A_changed_overview_re_embeds_that_movie_only()
    {
        await using var harness = WithHashing();
        var movies = await harness.SeedAsync(50);
        await harness.RunAsync();

        await harness.Store.UpsertMoviesAsync([movies[10] with { Overview = "A brand new plot about time travel." }]);
        var (result, _) = await harness.RunAsync();

        Assert.Equal((1, 49), (result["generated"], result["skipped"]));
        var builder = harness.Services.GetRequiredService<IMovieTextBuilder>();
        var stored = (await harness.Store.GetTextHashesAsync("hash:token-hash-32"))[movies[10].Id];
        Assert.Equal(builder.Hash(builder.Build(movies[10] with { Overview = "A brand new plot about time travel." })), stored);
    }

    [Fact]
    public async Task Removed_movies_are_not_embedded()
    {
        await using var harness = WithHashing();
        var movies = await harness.SeedAsync(10, i => EmbeddingJobHarness.DemoMovie(i) with { LibraryId = "lib-1" });
        var seen = movies.Skip(3).Select(m => m.ServerId).ToHashSet();
        Assert.Equal(3, await harness.Store.MarkMissingMoviesRemovedAsync("lib-1", seen, harness.Time.GetUtcNow()));

        var (result, _) = await harness.RunAsync();

        Assert.Equal((7, 7), (result["generated"], result["total"]));
        Assert.DoesNotContain(movies[0].Id, (await harness.Store.GetTextHashesAsync("hash:token-hash-32")).Keys);
    }

    [Fact]
    public async Task Without_a_provider_the_job_fails_saying_how_to_configure_one()
    {
        await using var harness = new EmbeddingJobHarness();
        await harness.SeedAsync(3);

        var error = await Assert.ThrowsAsync<EmbeddingNotConfiguredException>(() => harness.RunAsync());

        Assert.Contains("AddOpenAIEmbeddings", error.Message, StringComparison.Ordinal);
        Assert.Contains("Aperture:Embeddings:ApiKey", error.Message, StringComparison.Ordinal);
        Assert.Contains("AddLocalEmbeddings", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_to_do_is_a_success()
    {
        await using var harness = WithHashing();

        var (result, _) = await harness.RunAsync();

        Assert.Equal(0, result["total"]);
        Assert.Equal("0 movies: all up to date with hash:token-hash-32", result.Summary);
    }

    [Fact]
    public async Task A_set_stored_at_another_size_under_the_same_key_fails_with_what_to_do()
    {
        await using var harness = WithHashing(dimensions: 32);
        var movies = await harness.SeedAsync(2);
        await harness.Store.UpsertVectorsAsync([new MovieVector(movies[0].Id, new EmbeddingModelId("hash", "token-hash-32", 16), "x", new float[16])]);

        var error = await Assert.ThrowsAsync<EmbeddingDimensionMismatchException>(() => harness.RunAsync());

        Assert.Contains("PurgeAsync", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_run_stops()
    {
        await using var harness = WithHashing();
        await harness.SeedAsync(10);
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.RunAsync(cancellation.Token));
        Assert.Empty(await harness.Store.GetVectorsAsync("hash:token-hash-32"));
    }

    [Fact]
    public async Task Zero_vectors_are_not_stored_and_count_as_failed()
    {
        var generator = new ScriptedGenerator(4, (text, vector) => text.Contains("Movie 3\n", StringComparison.Ordinal) || text.StartsWith("Movie 3 (", StringComparison.Ordinal) ? new float[4] : vector);
        await using var harness = new EmbeddingJobHarness((builder, _) => builder.AddEmbeddingGenerator(generator, "test", "scripted", 4));
        var movies = await harness.SeedAsync(5);

        var (result, _) = await harness.RunAsync();

        Assert.Equal((4, 1), (result["generated"], result["failed"]));
        Assert.DoesNotContain(movies[3].Id, (await harness.Store.GetTextHashesAsync("test:scripted")).Keys);
    }
}
