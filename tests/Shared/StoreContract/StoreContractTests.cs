namespace Aperture.Storage.Contract;

/// <summary>
/// The one contract every <see cref="IApertureStore"/> keeps. Each store's test project derives from this class
/// and supplies a fresh, empty store per test; the same tests then run against every implementation.
/// </summary>
public abstract partial class StoreContractTests : IAsyncLifetime
{
    private IApertureStore? _store;

    /// <summary>The store under test: fresh and empty for each test.</summary>
    protected IApertureStore Store => _store ?? throw new InvalidOperationException("The store is created in InitializeAsync.");

    /// <summary>Creates a fresh, empty store.</summary>
    protected abstract Task<IApertureStore> CreateStoreAsync();

    /// <summary>Releases what <see cref="CreateStoreAsync"/> made (files, connections).</summary>
    protected virtual async Task DisposeStoreAsync(IApertureStore store)
    {
        switch (store)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    public async Task InitializeAsync() => _store = await CreateStoreAsync();

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await DisposeStoreAsync(_store);
        }
    }

    protected static CancellationToken CancelledToken => new(canceled: true);
}
