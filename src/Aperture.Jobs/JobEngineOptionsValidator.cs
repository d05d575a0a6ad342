using Microsoft.Extensions.Options;

namespace Aperture.Jobs;

/// <summary>Checks <see cref="JobEngineOptions"/>' ranges at start-up.</summary>
[OptionsValidator]
internal sealed partial class JobEngineOptionsValidator : IValidateOptions<JobEngineOptions>
{
}
