using Aperture.Catalog;

namespace Aperture.Storage;

/// <summary>
/// Compares movies by every stored value, list contents included (a <see cref="Movie"/> record's own equality
/// compares lists by reference). Stores use it to tell an updated movie from an unchanged one.
/// </summary>
public sealed class MovieValueComparer : IEqualityComparer<Movie>
{
    private MovieValueComparer()
    {
    }

    /// <summary>The comparer.</summary>
    public static MovieValueComparer Instance { get; } = new();

    /// <inheritdoc/>
    public bool Equals(Movie? x, Movie? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        if (x is null || y is null)
        {
            return false;
        }

        return x.Id == y.Id
            && x.ServerId == y.ServerId
            && x.LibraryId == y.LibraryId
            && x.Title == y.Title
            && x.OriginalTitle == y.OriginalTitle
            && x.SortTitle == y.SortTitle
            && x.Year == y.Year
            && x.PremiereDate == y.PremiereDate
            && x.Overview == y.Overview
            && x.Tagline == y.Tagline
            && x.CommunityRating == y.CommunityRating
            && x.CriticRating == y.CriticRating
            && x.OfficialRating == y.OfficialRating
            && x.RuntimeMinutes == y.RuntimeMinutes
            && x.Path == y.Path
            && x.Container == y.Container
            && x.Video == y.Video
            && x.Audio == y.Audio
            && x.ImdbId == y.ImdbId
            && x.TmdbId == y.TmdbId
            && x.PosterUrl == y.PosterUrl
            && x.BackdropUrl == y.BackdropUrl
            && x.DateAdded == y.DateAdded
            && x.RemovedAt == y.RemovedAt
            && x.Genres.SequenceEqual(y.Genres)
            && x.Studios.SequenceEqual(y.Studios)
            && x.Directors.SequenceEqual(y.Directors)
            && x.Writers.SequenceEqual(y.Writers)
            && x.Actors.SequenceEqual(y.Actors)
            && x.Tags.SequenceEqual(y.Tags)
            && x.ProductionCountries.SequenceEqual(y.ProductionCountries);
    }

    /// <inheritdoc/>
    public int GetHashCode(Movie obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return HashCode.Combine(obj.Id, obj.ServerId, obj.Title, obj.Year);
    }
}
