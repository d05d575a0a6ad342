using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Aperture.MediaServers;

/// <summary>
/// Requires a value within [minimum, maximum] and names the setting (<c>Aperture:MediaServer:…</c>) when it is not.
/// Used instead of <see cref="RangeAttribute"/>, whose source-generated copy in the options validator ignores
/// <see cref="ValidationAttribute.ErrorMessage"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class SettingRangeAttribute : ValidationAttribute
{
    private readonly IComparable _minimum;
    private readonly IComparable _maximum;

    /// <summary>An inclusive integer range.</summary>
    public SettingRangeAttribute(int minimum, int maximum) => (_minimum, _maximum) = (minimum, maximum);

    /// <summary>An inclusive time range, each bound in <c>[d.]hh:mm:ss[.fff]</c> form.</summary>
    public SettingRangeAttribute(string minimum, string maximum) =>
        (_minimum, _maximum) = (TimeSpan.Parse(minimum, CultureInfo.InvariantCulture), TimeSpan.Parse(maximum, CultureInfo.InvariantCulture));

    /// <inheritdoc />
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not IComparable comparable || (comparable.CompareTo(_minimum) >= 0 && comparable.CompareTo(_maximum) <= 0))
        {
            return ValidationResult.Success;
        }

        return new ValidationResult(
            string.Create(CultureInfo.InvariantCulture, $"{MediaServerOptions.SectionName}:{validationContext.MemberName} must be between {_minimum} and {_maximum} (it is {value})."),
            validationContext.MemberName is { } member ? [member] : null);
    }
}
