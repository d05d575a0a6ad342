using Microsoft.Extensions.Options;

namespace Aperture.MediaServers;

/// <summary>Validates <see cref="MediaServerOptions"/> on start (source-generated from its attributes).</summary>
[OptionsValidator]
internal sealed partial class MediaServerOptionsValidator : IValidateOptions<MediaServerOptions>
{
}
