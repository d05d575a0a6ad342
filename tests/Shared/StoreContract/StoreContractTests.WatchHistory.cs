using static Aperture.Storage.Contract.StoreTestData;

namespace Aperture.Storage.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Watch_state_upsert_counts_only_added_or_changed_rows()
    {
        Guid m1 = Guid.NewGuid(), m2 = Guid.NewGuid();
        var added = await Store.UpsertWatchStatesAsync([Watched("u1", m1), Watched("u1", m2), Watched("u2", m1)]);

        var changed = await Store.UpsertWatchStatesAsync([Watched("u1", m1), Watched("u1", m2, playCount: 3)]);

        Assert.Equal(3, added);
        Assert.Equal(1, changed);
        var states = await Store.GetWatchStatesAsync("u1");
        Assert.Equal(new[] { m1, m2 }.Order(), states.Select(s => s.MovieId));
        Assert.Equal(Watched("u1", m2, playCount: 3), states.Single(s => s.MovieId == m2));
    }

    [Fact]
    public async Task All_watch_states_are_read_by_user_then_movie()
    {
        Guid m1 = Guid.NewGuid(), m2 = Guid.NewGuid();
        await Store.UpsertWatchStatesAsync([Watched("u2", m2), Watched("u1", m2), Watched("u2", m1)]);

        var all = await Store.GetAllWatchStatesAsync();

        Assert.Equal(
            new[] { ("u1", m2) }.Concat(new[] { ("u2", m1), ("u2", m2) }.OrderBy(k => k.Item2)),
            all.Select(s => (s.UserId, s.MovieId)));
    }

    [Fact]
    public async Task Delete_except_removes_only_that_users_unseen_states()
    {
        Guid keep = Guid.NewGuid(), gone1 = Guid.NewGuid(), gone2 = Guid.NewGuid();
        await Store.UpsertWatchStatesAsync([Watched("u1", keep), Watched("u1", gone1), Watched("u1", gone2), Watched("u2", gone1)]);

        var deleted = await Store.DeleteWatchStatesExceptAsync("u1", new HashSet<Guid> { keep, Guid.NewGuid() });

        Assert.Equal(2, deleted);
        Assert.Equal([keep], (await Store.GetWatchStatesAsync("u1")).Select(s => s.MovieId));
        Assert.Equal([gone1], (await Store.GetWatchStatesAsync("u2")).Select(s => s.MovieId));
    }

    [Fact]
    public async Task Delete_except_with_an_empty_set_clears_the_user()
    {
        await Store.UpsertWatchStatesAsync([Watched("u1", Guid.NewGuid()), Watched("u1", Guid.NewGuid())]);

        Assert.Equal(2, await Store.DeleteWatchStatesExceptAsync("u1", new HashSet<Guid>()));
        Assert.Empty(await Store.GetWatchStatesAsync("u1"));
    }

    [Fact]
    public async Task Watermarks_are_kept_per_key_replaced_and_removed()
    {
        Assert.Null(await Store.GetWatermarkAsync("watch-history:u1"));

        await Store.SetWatermarkAsync("watch-history:u1", Now);
        await Store.SetWatermarkAsync("watch-history:u2", Now.AddHours(-5));
        await Store.SetWatermarkAsync("watch-history:u1", Now.AddTicks(1));

        Assert.Equal(Now.AddTicks(1), await Store.GetWatermarkAsync("watch-history:u1"));
        Assert.Equal(Now.AddHours(-5), await Store.GetWatermarkAsync("watch-history:u2"));

        await Store.RemoveWatermarkAsync("watch-history:u1");
        await Store.RemoveWatermarkAsync("never-set");

        Assert.Null(await Store.GetWatermarkAsync("watch-history:u1"));
        Assert.Equal(Now.AddHours(-5), await Store.GetWatermarkAsync("watch-history:u2"));
    }
}
