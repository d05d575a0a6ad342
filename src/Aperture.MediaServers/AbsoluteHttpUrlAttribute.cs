using System.ComponentModel.DataAnnotations;

namespace Aperture.MediaServers;

/// <summary>
/// Requires an absolute http or https URL without credentials, query or fragment. The message never repeats the
/// value, which might hold a secret pasted by mistake.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class AbsoluteHttpUrlAttribute : ValidationAttribute
{
    /// <inheritdoc />
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not string text || text.Length == 0)
        {
            return ValidationResult.Success;
        }

        return IsValidUrl(text)
            ? ValidationResult.Success
            : new ValidationResult(
                $"Aperture:MediaServer:{validationContext.MemberName} must be an absolute http or https URL without user name, password or query string, for example http://jellyfin:8096 or http://emby:8096/emby.",
                validationContext.MemberName is { } member ? [member] : null);
    }

    /// <summary>Whether <paramref name="text"/> is an absolute http(s) URL without user info, query or fragment.</summary>
    public static bool IsValidUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.UserInfo.Length == 0
        && uri.Query.Length == 0
        && uri.Fragment.Length == 0;
}
