namespace Aperture.MediaServers.Wire;

/// <summary>A page of a listing (<c>QueryResult&lt;T&gt;</c>).</summary>
internal sealed class QueryResultDto<T>
{
    public List<T>? Items { get; set; }

    public int TotalRecordCount { get; set; }
}
