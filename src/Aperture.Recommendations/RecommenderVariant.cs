namespace Aperture.Recommendations;

/// <summary>Named settings to evaluate.</summary>
/// <param name="Name">A name for the results table (for example <c>hybrid</c> or <c>popularity</c>).</param>
/// <param name="Options">The settings.</param>
public sealed record RecommenderVariant(string Name, RecommendationOptions Options);
