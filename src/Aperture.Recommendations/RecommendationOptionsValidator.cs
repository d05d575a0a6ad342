using Microsoft.Extensions.Options;

namespace Aperture.Recommendations;

/// <summary>Validates <see cref="RecommendationOptions"/> (ranges and the blend's total weight) at start-up.</summary>
[OptionsValidator]
internal sealed partial class RecommendationOptionsValidator : IValidateOptions<RecommendationOptions>
{
}
