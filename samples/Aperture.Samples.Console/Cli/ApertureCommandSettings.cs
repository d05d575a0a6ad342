using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Aperture.Samples.Console.Cli;

/// <summary>The options every command takes: where settings come from, and how much to print.</summary>
internal class ApertureCommandSettings : CommandSettings
{
    [CommandOption("-c|--config <FILE>")]
    [Description("A JSON settings file, read after appsettings.json (same shape: an \"Aperture\" section).")]
    public string? ConfigFile { get; set; }

    [CommandOption("-s|--set <KEY=VALUE>")]
    [Description("Overrides one setting, for example --set Aperture:MediaServer:BaseUrl=http://jellyfin:8096 (repeatable).")]
    public string[] Overrides { get; set; } = [];

    [CommandOption("-v|--verbose")]
    [Description("Prints the jobs' log lines and, on failure, the full exception.")]
    public bool Verbose { get; set; }

    /// <summary>The <c>--set</c> overrides as configuration keys and values.</summary>
    public IEnumerable<KeyValuePair<string, string?>> OverridePairs =>
        Overrides.Select(static pair =>
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            return KeyValuePair.Create(pair[..separator].Trim(), (string?)pair[(separator + 1)..].Trim());
        });

    public override ValidationResult Validate()
    {
        var malformed = Overrides.FirstOrDefault(static pair => pair.IndexOf('=', StringComparison.Ordinal) <= 0);
        if (malformed is not null)
        {
            return ValidationResult.Error($"--set needs KEY=VALUE, for example --set Aperture:Jobs:MaxConcurrentRuns=2; got '{malformed}'.");
        }

        if (ConfigFile is not null && !File.Exists(ConfigFile))
        {
            return ValidationResult.Error($"The settings file '{ConfigFile}' given with --config does not exist.");
        }

        return ValidationResult.Success();
    }
}
