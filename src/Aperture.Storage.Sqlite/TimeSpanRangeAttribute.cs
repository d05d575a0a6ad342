using System.ComponentModel.DataAnnotations;

namespace Aperture.Storage.Sqlite;

/// <summary>
/// A <see cref="TimeSpan"/> within bounds. Used instead of <see cref="RangeAttribute"/>, whose source-generated
/// copy drops the custom <see cref="ValidationAttribute.ErrorMessage"/> that names the setting.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class TimeSpanRangeAttribute(string minimum, string maximum) : ValidationAttribute
{
    public TimeSpan Minimum { get; } = TimeSpan.Parse(minimum, System.Globalization.CultureInfo.InvariantCulture);

    public TimeSpan Maximum { get; } = TimeSpan.Parse(maximum, System.Globalization.CultureInfo.InvariantCulture);

    public override bool IsValid(object? value) => value is TimeSpan span && span >= Minimum && span <= Maximum;
}
