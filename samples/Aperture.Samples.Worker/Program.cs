using Aperture;
using Aperture.Jobs;
using Aperture.Samples;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

// A worker that keeps every user's "AI picks" library up to date: the scheduler runs the six movie jobs on their
// schedules (Aperture:Jobs:Schedules overrides them), catches up missed runs at start and cancels running jobs
// gracefully on shutdown. Settings: appsettings.json, appsettings.{Environment}.json, APERTURE__… environment
// variables (see README.md beside this file).
try
{
    var builder = Host.CreateApplicationBuilder(args);
    builder.Services.AddAperture(aperture => aperture
        .AddFromConfiguration(builder.Configuration)
        .AddScheduler());

    using var host = builder.Build();

    // The host validates every option as it starts; doing it first reports a wrong setting in one line, not in a
    // logged stack trace.
    host.Services.GetService<IStartupValidator>()?.Validate();
    await host.RunAsync().ConfigureAwait(false);
    return 0;
}
catch (Exception exception) when (SettingErrors.Describe(exception) is not null)
{
    foreach (var line in SettingErrors.Describe(exception)!)
    {
        Console.Error.WriteLine($"error: {line}");
    }

    Console.Error.WriteLine("Set it in appsettings.json, appsettings.{Environment}.json or an APERTURE__SECTION__SETTING environment variable.");
    return 2;
}
