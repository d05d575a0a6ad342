using Aperture.Jobs;
using static Aperture.Storage.Contract.StoreTestData;

namespace Aperture.Storage.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Saving_a_run_then_its_end_keeps_one_row_with_every_value()
    {
        var started = JobRun(MovieJobNames.SyncMovies, Now) with { Variant = "full", Trigger = JobTrigger.Manual };
        await Store.SaveJobRunAsync(started);
        var ended = started with
        {
            Status = JobRunStatus.Failed,
            EndedAt = Now.AddSeconds(42.5),
            ItemsProcessed = 19_999,
            ItemsTotal = 20_000,
            Summary = "19 999 of 20 000 movies",
            Counts = new Dictionary<string, long> { ["added"] = 12, ["updated"] = 3, ["unchanged"] = 19_984, ["huge"] = long.MaxValue },
            Error = "The media server stopped answering (HTTP 503).",
        };

        await Store.SaveJobRunAsync(ended);

        var run = Assert.Single(await Store.GetJobRunsAsync());
        Assert.Equal(ended with { Counts = run.Counts }, run);
        Assert.Equal(ended.Counts.OrderBy(c => c.Key), run.Counts.OrderBy(c => c.Key));
        Assert.Equal(TimeSpan.FromSeconds(42.5), run.Duration);
    }

    [Fact]
    public async Task Runs_are_read_newest_first_filtered_and_limited()
    {
        var sync1 = JobRun(MovieJobNames.SyncMovies, Now, JobRunStatus.Succeeded);
        var embed = JobRun(MovieJobNames.GenerateEmbeddings, Now.AddMinutes(1), JobRunStatus.Succeeded);
        var sync2 = JobRun(MovieJobNames.SyncMovies, Now.AddMinutes(2), JobRunStatus.Failed);
        var sync3 = JobRun(MovieJobNames.SyncMovies, Now.AddMinutes(2), JobRunStatus.Running);
        foreach (var run in new[] { sync1, embed, sync2, sync3 })
        {
            await Store.SaveJobRunAsync(run);
        }

        await Store.SaveJobRunAsync(sync2 with { Summary = "updated later" });

        Assert.Equal([sync3.Id, sync2.Id, embed.Id, sync1.Id], (await Store.GetJobRunsAsync()).Select(r => r.Id));
        Assert.Equal([sync3.Id, sync2.Id], (await Store.GetJobRunsAsync(MovieJobNames.SyncMovies, limit: 2)).Select(r => r.Id));
        Assert.Equal(sync3.Id, (await Store.GetLatestJobRunAsync(MovieJobNames.SyncMovies))?.Id);
        Assert.Equal(sync1.Id, (await Store.GetLatestJobRunAsync(MovieJobNames.SyncMovies, JobRunStatus.Succeeded))?.Id);
        Assert.Null(await Store.GetLatestJobRunAsync(MovieJobNames.SyncLibraries));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.GetJobRunsAsync(limit: 0));
    }
}
