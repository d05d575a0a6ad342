using Aperture.Catalog;

namespace Aperture.MediaServers.Tests;

/// <summary>Compares movies field by field (records compare their lists by reference).</summary>
internal static class MovieAssert
{
    public static void Equal(Movie expected, Movie actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.ServerId, actual.ServerId);
        Assert.Equal(expected.LibraryId, actual.LibraryId);
        Assert.Equal(expected.Title, actual.Title);
        Assert.Equal(expected.OriginalTitle, actual.OriginalTitle);
        Assert.Equal(expected.SortTitle, actual.SortTitle);
        Assert.Equal(expected.Year, actual.Year);
        Assert.Equal(expected.PremiereDate, actual.PremiereDate);
        Assert.Equal(expected.Genres, actual.Genres);
        Assert.Equal(expected.Overview, actual.Overview);
        Assert.Equal(expected.Tagline, actual.Tagline);
        Assert.Equal(expected.CommunityRating, actual.CommunityRating);
        Assert.Equal(expected.CriticRating, actual.CriticRating);
        Assert.Equal(expected.OfficialRating, actual.OfficialRating);
        Assert.Equal(expected.RuntimeMinutes, actual.RuntimeMinutes);
        Assert.Equal(expected.Path, actual.Path);
        Assert.Equal(expected.Container, actual.Container);
        Assert.Equal(expected.Video, actual.Video);
        Assert.Equal(expected.Audio, actual.Audio);
        Assert.Equal(expected.Studios, actual.Studios);
        Assert.Equal(expected.Directors, actual.Directors);
        Assert.Equal(expected.Writers, actual.Writers);
        Assert.Equal(expected.Actors, actual.Actors);
        Assert.Equal(expected.ImdbId, actual.ImdbId);
        Assert.Equal(expected.TmdbId, actual.TmdbId);
        Assert.Equal(expected.Tags, actual.Tags);
        Assert.Equal(expected.ProductionCountries, actual.ProductionCountries);
        Assert.Equal(expected.PosterUrl, actual.PosterUrl);
        Assert.Equal(expected.BackdropUrl, actual.BackdropUrl);
        Assert.Equal(expected.DateAdded, actual.DateAdded);
        Assert.Equal(expected.RemovedAt, actual.RemovedAt);
    }
}
