namespace Aperture.Samples;

/// <summary>
/// A setting the host reads itself (to choose which packages to compose) has a value it cannot use. The message
/// names the setting, the value and the values it accepts.
/// </summary>
internal sealed class InvalidSettingException(string message) : ApertureException(message);
