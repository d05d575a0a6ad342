using Microsoft.Extensions.Options;

namespace Aperture.Jobs;

/// <summary>Checks <see cref="SchedulerOptions"/>' ranges at start-up (the schedules themselves: <see cref="JobSchedulesValidator"/>).</summary>
[OptionsValidator]
internal sealed partial class SchedulerOptionsValidator : IValidateOptions<SchedulerOptions>
{
}
