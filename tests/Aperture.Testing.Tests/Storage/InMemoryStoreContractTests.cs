using Aperture.Storage.Contract;
using Microsoft.Extensions.Time.Testing;

namespace Aperture.Storage;

public sealed class InMemoryStoreContractTests : StoreContractTests
{
    protected override Task<IApertureStore> CreateStoreAsync() =>
        Task.FromResult<IApertureStore>(new InMemoryApertureStore(new FakeTimeProvider(StoreTestData.Now)));
}
