using Aperture.Storage.Contract;

namespace Aperture.Storage.Sqlite;

public sealed class SqliteStoreContractTests : StoreContractTests, IDisposable
{
    private readonly TempFolder _folder = new();

    protected override Task<IApertureStore> CreateStoreAsync() =>
        Task.FromResult<IApertureStore>(SqliteStoreFactory.Create(_folder.File("aperture.db")));

    public void Dispose() => _folder.Dispose();
}
