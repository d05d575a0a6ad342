using Microsoft.Extensions.Options;

namespace Aperture.Libraries;

/// <summary>Validates <see cref="LibraryOptions"/> at start-up (source-generated from its annotations and rules).</summary>
[OptionsValidator]
internal sealed partial class LibraryOptionsValidator : IValidateOptions<LibraryOptions>
{
}
