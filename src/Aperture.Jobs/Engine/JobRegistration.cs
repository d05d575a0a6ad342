namespace Aperture.Jobs;

/// <summary>A job type registered with <c>AddJob&lt;TJob&gt;()</c>; the type itself is a transient service.</summary>
internal sealed record JobRegistration(Type JobType);
