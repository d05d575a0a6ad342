using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Aperture.Abstractions.Tests;

public sealed class ApertureServiceCollectionExtensionsTests
{
    [Fact]
    public void AddAperture_registers_the_system_clock_and_logging()
    {
        var services = new ServiceCollection();

        var builder = services.AddAperture();

        Assert.Same(services, builder.Services);
        using var provider = services.BuildServiceProvider();
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        Assert.NotNull(provider.GetRequiredService<ILogger<ApertureServiceCollectionExtensionsTests>>());
    }

    [Fact]
    public void AddAperture_keeps_a_clock_the_application_registered()
    {
        var clock = new FakeTimeProvider();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(clock);

        services.AddAperture(builder => Assert.Same(services, builder.Services));

        using var provider = services.BuildServiceProvider();
        Assert.Same(clock, provider.GetRequiredService<TimeProvider>());
    }
}
