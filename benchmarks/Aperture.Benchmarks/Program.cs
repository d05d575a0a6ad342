using BenchmarkDotNet.Running;

// Run all: dotnet run -c Release --project benchmarks/Aperture.Benchmarks -- --filter '*'
var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

// A benchmark that threw or failed validation fails the process, so CI's dry run catches a broken benchmark.
return summaries.Any(summary => summary.HasCriticalValidationErrors || summary.Reports.Any(report => !report.Success)) ? 1 : 0;
