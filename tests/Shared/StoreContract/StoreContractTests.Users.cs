using static Aperture.Storage.Contract.StoreTestData;

namespace Aperture.Storage.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task New_users_start_enabled_and_are_read_by_name()
    {
        await Store.UpsertUsersAsync([User("u2", "bob"), User("u1", "Alice"), User("u3", "Álvaro")]);

        var users = await Store.GetUsersAsync();

        Assert.Equal(["u1", "u2", "u3"], users.Select(u => u.Id));
        Assert.All(users, u => Assert.True(u.IsEnabled));
        Assert.All(users, u => Assert.Empty(u.ExcludedLibraryIds));
        Assert.Equal(["lib-movies", "lib-kids"], users[0].User.LibraryIds);
        Assert.Equal(9, users[0].User.MaxParentalRating);
        Assert.False(users[0].User.HasAccessToAllLibraries);
    }

    [Fact]
    public async Task Upserting_a_known_user_updates_server_facts_and_keeps_aperture_settings()
    {
        await Store.UpsertUsersAsync([User("u1", "Alice")]);
        await Store.SetUserEnabledAsync("u1", enabled: false);
        await Store.SetExcludedLibrariesAsync("u1", ["lib-kids"]);

        await Store.UpsertUsersAsync([User("u1", "Alice B.") with { IsDisabled = true }]);

        var user = Assert.Single(await Store.GetUsersAsync());
        Assert.Equal("Alice B.", user.User.Name);
        Assert.True(user.User.IsDisabled);
        Assert.False(user.IsEnabled);
        Assert.Equal(["lib-kids"], user.ExcludedLibraryIds);
    }

    [Fact]
    public async Task Settings_of_an_unknown_user_cannot_be_changed()
    {
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Store.SetUserEnabledAsync("ghost", enabled: false));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Store.SetExcludedLibrariesAsync("ghost", ["lib"]));
    }
}
