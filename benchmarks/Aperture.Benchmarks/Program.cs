using System.Globalization;
using Aperture.Benchmarks.Sync;
using BenchmarkDotNet.Running;

// The sync benchmarks' media server runs in a second process: this program, started with "emulator COUNT".
if (args is [EmulatorProcess.Verb, var movies])
{
    await EmulatorProcess.ServeAsync(int.Parse(movies, CultureInfo.InvariantCulture));
    return 0;
}

// Run all: dotnet run -c Release --project benchmarks/Aperture.Benchmarks -- --filter '*'
var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

// A benchmark that threw or failed validation fails the process, so CI's dry run catches a broken benchmark.
return summaries.Any(summary => summary.HasCriticalValidationErrors || summary.Reports.Any(report => !report.Success)) ? 1 : 0;
