using Aperture.Catalog;
using Aperture.Recommendations;

namespace Aperture.Samples.Console.Demo;

/// <summary>A demo user, their taste, how much they watched, and their current picks with the movies.</summary>
internal sealed record DemoUserPicks(UserAccount User, DemoPersona? Persona, int Watched, IReadOnlyList<(MoviePick Pick, Movie Movie)> Picks);
