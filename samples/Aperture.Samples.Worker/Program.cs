using Aperture;
using Aperture.Jobs;
using Aperture.Samples;
using Microsoft.Extensions.Hosting;

// A worker that keeps every user's "AI picks" library up to date: the scheduler runs the six movie jobs on their
// schedules (Aperture:Jobs:Schedules overrides them), catches up missed runs at start and cancels running jobs
// gracefully on shutdown. Settings: appsettings.json, appsettings.{Environment}.json, APERTURE__… environment
// variables (see README.md beside this file).
var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddAperture(aperture => aperture
    .AddFromConfiguration(builder.Configuration)
    .AddScheduler());

await builder.Build().RunAsync().ConfigureAwait(false);
