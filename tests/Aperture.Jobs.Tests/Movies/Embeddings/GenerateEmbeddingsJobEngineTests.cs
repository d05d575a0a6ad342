using Aperture.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Aperture.Jobs.Tests.Movies.Embeddings;

/// <summary>The job as the engine runs it: found by name, prerequisite enforced, outcome recorded.</summary>
public sealed class GenerateEmbeddingsJobEngineTests
{
    private static async Task SucceedSyncMoviesAsync(EmbeddingJobHarness harness)
    {
        var now = harness.Time.GetUtcNow();
        await harness.Store.SaveJobRunAsync(new JobRun
        {
            Id = Guid.NewGuid(),
            JobName = MovieJobNames.SyncMovies,
            Trigger = JobTrigger.Manual,
            Status = JobRunStatus.Succeeded,
            StartedAt = now,
            EndedAt = now,
        });
    }

    [Fact]
    public async Task Runs_by_name_after_sync_movies_and_records_the_counts()
    {
        await using var harness = new EmbeddingJobHarness((builder, _) => builder.AddHashingEmbeddings(16));
        await harness.SeedAsync(20);
        await SucceedSyncMoviesAsync(harness);
        var runner = harness.Services.GetRequiredService<IJobRunner>();

        var run = await runner.RunAsync(MovieJobNames.GenerateEmbeddings);

        Assert.Equal(JobRunStatus.Succeeded, run.Status);
        Assert.Equal(20, run.Counts["generated"]);
        Assert.Contains(runner.Jobs, job => job.Name == MovieJobNames.GenerateEmbeddings);
    }

    [Fact]
    public async Task Without_a_provider_the_run_is_recorded_failed_with_how_to_configure_one()
    {
        await using var harness = new EmbeddingJobHarness();
        await SucceedSyncMoviesAsync(harness);

        var run = await harness.Services.GetRequiredService<IJobRunner>().RunAsync(MovieJobNames.GenerateEmbeddings);

        Assert.Equal(JobRunStatus.Failed, run.Status);
        Assert.StartsWith("No embedding provider is configured.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_to_start_before_sync_movies_has_succeeded()
    {
        await using var harness = new EmbeddingJobHarness((builder, _) => builder.AddHashingEmbeddings(16));

        await Assert.ThrowsAsync<JobPrerequisiteMissingException>(
            () => harness.Services.GetRequiredService<IJobRunner>().RunAsync(MovieJobNames.GenerateEmbeddings));
    }
}
