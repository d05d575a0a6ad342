using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Aperture.Settings;

/// <summary>
/// A range check whose message names the full setting (<c>Section:Member</c>), its bounds and the value found, so a
/// wrong setting says exactly which one it is. (The options validator generator drops <c>ErrorMessage</c> on the
/// built-in <see cref="RangeAttribute"/>.) Shared as source by every package that has options.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class SettingRangeAttribute : ValidationAttribute
{
    private readonly string _section;
    private readonly IComparable _minimum;
    private readonly IComparable _maximum;

    /// <summary>An inclusive whole-number range.</summary>
    public SettingRangeAttribute(string section, int minimum, int maximum) => (_section, _minimum, _maximum) = (section, minimum, maximum);

    /// <summary>An inclusive decimal range.</summary>
    public SettingRangeAttribute(string section, double minimum, double maximum) => (_section, _minimum, _maximum) = (section, minimum, maximum);

    /// <summary>An inclusive duration range, bounds written as invariant <see cref="TimeSpan"/> strings.</summary>
    public SettingRangeAttribute(string section, string minimum, string maximum) =>
        (_section, _minimum, _maximum) = (section, TimeSpan.Parse(minimum, CultureInfo.InvariantCulture), TimeSpan.Parse(maximum, CultureInfo.InvariantCulture));

    /// <summary>What the setting is for, appended to the message.</summary>
    public string? Purpose { get; set; }

    /// <inheritdoc />
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        if (value is not IComparable comparable || (Compare(comparable, _minimum) >= 0 && Compare(comparable, _maximum) <= 0))
        {
            return ValidationResult.Success;
        }

        var purpose = Purpose is null ? string.Empty : $": {Purpose}";
        return new ValidationResult(
            string.Create(CultureInfo.InvariantCulture, $"{_section}:{validationContext.MemberName} must be between {_minimum} and {_maximum} (it is {value}){purpose}."),
            validationContext.MemberName is { } member ? [member] : null);
    }

    // Lets an int bound check a double setting and the other way round.
    private static int Compare(IComparable value, IComparable bound) =>
        value.GetType() == bound.GetType() ? value.CompareTo(bound) : Convert.ToDouble(value, CultureInfo.InvariantCulture).CompareTo(Convert.ToDouble(bound, CultureInfo.InvariantCulture));
}
