using Aperture.Jobs;
using Aperture.Testing;

namespace Aperture.Integration.Tests;

/// <summary>The demo composition end to end: media server → store → vectors → picks → files, then an incremental rerun.</summary>
public sealed class DemoPipelineTests(DemoPipelineFixture demo) : IClassFixture<DemoPipelineFixture>
{
    [Fact]
    public void EveryPipelineStepSucceedsOnBothRuns()
    {
        Assert.Equal(MovieJobNames.Pipeline, demo.FirstRuns.Select(static run => run.JobName));
        Assert.All(demo.FirstRuns, run => Assert.True(run.Status == JobRunStatus.Succeeded, $"{run.JobName}: {run.Status} {run.Error}"));
        Assert.Equal(MovieJobNames.Pipeline, demo.SecondRuns.Select(static run => run.JobName));
        Assert.All(demo.SecondRuns, run => Assert.True(run.Status == JobRunStatus.Succeeded, $"{run.JobName}: {run.Status} {run.Error}"));
    }

    [Fact]
    public void TheStoreHoldsEveryMovieWithAVector()
    {
        Assert.Equal(DemoPipelineFixture.Movies, demo.StoredMovies.Count(static movie => movie.IsActive));
        var hash = Assert.Single(demo.StoredModels);
        Assert.Equal(HashingEmbeddingGenerator.ProviderName, hash.Model.Provider);
        Assert.Equal(DemoPipelineFixture.Movies, hash.VectorCount);
    }

    [Fact]
    public void EveryDemoUserGetsRankedPicksOfMoviesTheyHaveNotWatched()
    {
        Assert.Equal(DemoPipelineFixture.Users, demo.Picks.Count);
        foreach (var user in demo.Picks)
        {
            Assert.NotNull(user.Persona);
            Assert.True(user.Watched >= 10, $"{user.User.User.Name} watched {user.Watched}");
            Assert.NotEmpty(user.Picks);
            Assert.Equal(Enumerable.Range(1, user.Picks.Count), user.Picks.Select(static entry => entry.Pick.Rank));
            Assert.All(user.Picks, entry => Assert.False(string.IsNullOrWhiteSpace(entry.Pick.Explanation)));

            var watched = demo.StoredWatchStates.Where(state => state.UserId == user.User.Id && state.Played).Select(static state => state.MovieId).ToHashSet();
            Assert.DoesNotContain(user.Picks, entry => watched.Contains(entry.Movie.Id));
        }
    }

    [Fact]
    public void EachUserGetsPicksOfTheirOwn()
    {
        var tops = demo.Picks.Select(static user => user.Picks.Take(10).Select(static entry => entry.Movie.Id).ToHashSet()).ToArray();
        for (var i = 0; i < tops.Length; i++)
        {
            for (var j = i + 1; j < tops.Length; j++)
            {
                Assert.False(tops[i].SetEquals(tops[j]), $"{demo.Picks[i].User.User.Name} and {demo.Picks[j].User.User.Name} got the same top picks");
            }
        }
    }

    [Fact]
    public void EveryUsersLibraryFolderHoldsTheirPicksAsStrmAndNfo()
    {
        var users = Path.Combine(demo.Settings.LibraryRoot, "users");
        foreach (var user in demo.Picks)
        {
            var userFolder = Assert.Single(Directory.GetDirectories(users), folder => Path.GetFileName(folder).EndsWith(user.User.Id, StringComparison.Ordinal));
            var movieFolders = Directory.GetDirectories(Path.Combine(userFolder, "ai-movies")).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(user.Picks.Count, movieFolders.Length);
            for (var i = 0; i < movieFolders.Length; i++)
            {
                var (pick, movie) = user.Picks[i];
                Assert.StartsWith($"{pick.Rank:00} - ", Path.GetFileName(movieFolders[i]), StringComparison.Ordinal);
                var strm = Assert.Single(Directory.GetFiles(movieFolders[i], "*.strm"));
                Assert.Equal(movie.Path, File.ReadAllText(strm).Trim());
                var nfo = Assert.Single(Directory.GetFiles(movieFolders[i], "*.nfo"));
                Assert.Contains("<movie>", File.ReadAllText(nfo), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void TheServerGetsALibraryPerUserWithAccessAndAScan()
    {
        foreach (var user in demo.Picks)
        {
            var library = Assert.Single(demo.ServerLibraries, library => library.Name == $"{user.User.User.Name}'s AI Picks - Movies");
            Assert.Contains(library.Id, demo.ServerRefreshes);
            var serverUser = Assert.Single(demo.ServerUsers, serverUser => serverUser.Id == user.User.Id);
            Assert.True(serverUser.HasAccessToAllLibraries || serverUser.LibraryIds.Contains(library.Id));
        }
    }

    [Fact]
    public void TheSecondRunIsIncremental()
    {
        var sync = Run(demo.SecondRuns, MovieJobNames.SyncMovies);
        Assert.Equal(DemoPipelineFixture.Movies, sync.Counts["unchanged"]);
        Assert.Equal(0, sync.Counts["added"] + sync.Counts["updated"] + sync.Counts["removed"]);

        var embeddings = Run(demo.SecondRuns, MovieJobNames.GenerateEmbeddings);
        Assert.Equal(0, embeddings.Counts["generated"]);

        var libraries = Run(demo.SecondRuns, MovieJobNames.SyncLibraries);
        Assert.Equal(0, libraries.Counts["written"] + libraries.Counts["removed"]);
        Assert.NotEmpty(demo.FilesAfterSecondRun.Files);
        Assert.Equal(demo.FilesAfterFirstRun.Files, demo.FilesAfterSecondRun.Files);
    }

    private static JobRun Run(IEnumerable<JobRun> runs, string jobName) => Assert.Single(runs, run => run.JobName == jobName);
}
