namespace Aperture.Storage;

/// <summary>Watermarks of incremental synchronisations (for example one per user for watch history).</summary>
public interface ISyncStateStore
{
    /// <summary>Reads the watermark stored under <paramref name="key"/>, or <see langword="null"/> when none.</summary>
    Task<DateTimeOffset?> GetWatermarkAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/>, replacing any earlier one.</summary>
    Task SetWatermarkAsync(string key, DateTimeOffset value, CancellationToken cancellationToken = default);

    /// <summary>Removes the watermark under <paramref name="key"/>, if any.</summary>
    Task RemoveWatermarkAsync(string key, CancellationToken cancellationToken = default);
}
