using Microsoft.Extensions.DependencyInjection;

namespace Aperture;

/// <summary>
/// Composes Aperture.Core in a service collection. Each package adds its own extension methods
/// (<c>AddJellyfin</c>, <c>AddSqliteStore</c>, <c>AddMovieJobs</c>, …) that return the builder for chaining.
/// </summary>
public interface IApertureBuilder
{
    /// <summary>The service collection being composed.</summary>
    IServiceCollection Services { get; }
}
