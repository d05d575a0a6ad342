using Aperture.Catalog;
using Aperture.Jobs.Movies;
using Aperture.Storage;
using Microsoft.Extensions.Options;

namespace Aperture.Jobs.Tests.Movies.Sync;

public sealed class UserSelectionTests
{
    private static readonly MediaUser s_alice = new() { Id = "5a4b3c2d1e0f5a4b3c2d1e0f5a4b3c2d", Name = "Alice" };
    private static readonly MediaUser s_bob = new() { Id = "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", Name = "Bob" };
    private static readonly MediaUser s_carol = new() { Id = "c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0", Name = "Carol", IsDisabled = true };

    [Fact]
    public async Task By_default_everyone_the_server_and_aperture_leave_enabled()
    {
        var store = await StoreAsync();
        await store.SetUserEnabledAsync(s_bob.Id, false);

        var result = await new UserSelection(store, Options.Create(new UserSelectionOptions())).SelectAsync(default);

        Assert.Equal(["Alice"], result.Selected.Select(u => u.User.Name));
        Assert.Equal([("Bob", "turned off in Aperture"), ("Carol", "disabled on the media server")], result.Skipped.Select(s => (s.User.User.Name, s.Reason)));
    }

    [Fact]
    public async Task Include_and_exclude_match_names_case_insensitively_and_ids_in_any_guid_format()
    {
        var store = await StoreAsync();
        var options = new UserSelectionOptions { Include = ["alice", "0B0B0B0B-0B0B-0B0B-0B0B-0B0B0B0B0B0B"], Exclude = ["ALICE"] };

        var result = await new UserSelection(store, Options.Create(options)).SelectAsync(default);

        Assert.Equal(["Bob"], result.Selected.Select(u => u.User.Name));
        Assert.Contains(result.Skipped, s => s.User.User.Name == "Alice" && s.Reason == "listed in Aperture:Jobs:Users:Exclude");
    }

    [Fact]
    public async Task A_user_outside_the_include_list_is_skipped_saying_so()
    {
        var store = await StoreAsync();

        var result = await new UserSelection(store, Options.Create(new UserSelectionOptions { Include = ["Bob"] })).SelectAsync(default);

        Assert.Equal("not listed in Aperture:Jobs:Users:Include", Assert.Single(result.Skipped, s => s.User.User.Name == "Alice").Reason);
    }

    private static async Task<InMemoryApertureStore> StoreAsync()
    {
        var store = new InMemoryApertureStore();
        await store.UpsertUsersAsync([s_alice, s_bob, s_carol]);
        return store;
    }
}
