using System.ComponentModel.DataAnnotations;
using Aperture.Settings;

namespace Aperture.Jobs;

/// <summary>Settings of the job engine (configuration section <c>Aperture:Jobs</c>).</summary>
public sealed class JobEngineOptions
{
    /// <summary>The configuration section these options are read from.</summary>
    public const string SectionName = "Aperture:Jobs";

    /// <summary>
    /// How many jobs may run at the same time, 1 to 16 (default 1). The jobs share the store and the providers'
    /// quotas, so one at a time is the safe default; further starts wait their turn in a first-in, first-out queue.
    /// </summary>
    [SettingRange(SectionName, 1, 16)]
    public int MaxConcurrentRuns { get; set; } = 1;
}
