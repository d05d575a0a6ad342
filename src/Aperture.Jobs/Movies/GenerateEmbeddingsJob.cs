using System.Globalization;
using Aperture.Catalog;
using Aperture.Embeddings;
using Aperture.Storage;
using Microsoft.Extensions.AI;

namespace Aperture.Jobs;

/// <summary>
/// <c>generate-movie-embeddings</c>: embeds every active movie that has no vector for the active embedding model,
/// or whose text changed since its vector was made, and stores each batch as soon as it is embedded.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A movie's text comes from <see cref="IMovieTextBuilder"/>; its hash, stored with the vector, tells a changed
/// movie from an unchanged one. Vectors of other models are left alone (see <see cref="IEmbeddingMaintenance"/>).</item>
/// <item>Batches of <see cref="BatchSize"/> movies, <see cref="BatchesInFlight"/> at a time; each is saved when it
/// completes, so a crash loses at most the batches in flight.</item>
/// <item>An error that needs a person (a refused key, no quota, an unknown model, vectors of the wrong size, no
/// provider at all) fails the run at once with a message saying what to fix. Any other failed batch (its retries
/// spent) is counted as failed and the run moves on; <see cref="MaxFailedBatchesInARow"/> failed batches in a row
/// stop it, so a provider that is down is never tried forever. Unembedded movies are tried again by the next run.</item>
/// </list>
/// </remarks>
internal sealed class GenerateEmbeddingsJob : IJob
{
    /// <summary>Movies per provider call and per save: one request at the pipeline's default batch size.</summary>
    internal const int BatchSize = 128;

    /// <summary>Batches embedded at once (the pipeline bounds the provider's concurrency in any case).</summary>
    internal const int BatchesInFlight = 2;

    /// <summary>Failed batches in a row after which the run stops.</summary>
    internal const int MaxFailedBatchesInARow = 3;

    private const int StepCount = 3;

    private readonly IMovieCatalogStore _catalog;
    private readonly IEmbeddingStore _store;
    private readonly IEmbeddingGenerator<string, Embedding<float>>? _generator;
    private readonly IActiveEmbeddingModel? _activeModel;
    private readonly IMovieTextBuilder? _textBuilder;

    /// <summary>Creates the job; the embedding services are optional so that a host without a provider still starts.</summary>
    public GenerateEmbeddingsJob(
        IMovieCatalogStore catalog,
        IEmbeddingStore store,
        IEmbeddingGenerator<string, Embedding<float>>? generator = null,
        IActiveEmbeddingModel? activeModel = null,
        IMovieTextBuilder? textBuilder = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(store);
        _catalog = catalog;
        _store = store;
        _generator = generator;
        _activeModel = activeModel;
        _textBuilder = textBuilder;
    }

    /// <inheritdoc />
    public string Name => MovieJobNames.GenerateEmbeddings;

    /// <inheritdoc />
    public string Description => "Embeds every active movie that has no vector for the active embedding model, or whose text changed.";

    /// <inheritdoc />
    public JobSchedule DefaultSchedule { get; } = JobSchedule.OnCron("0 3 * * *");

    /// <inheritdoc />
    public bool IsManualOnly => false;

    /// <inheritdoc />
    public IReadOnlyList<string> Prerequisites { get; } = [MovieJobNames.SyncMovies];

    /// <inheritdoc />
    public async Task<JobResult> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var progress = context.Progress;

        progress.BeginStep(0, StepCount, "Checking the embedding provider");
        if (_generator is null || _activeModel is null || _textBuilder is null)
        {
            throw new EmbeddingNotConfiguredException();
        }

        var model = await _activeModel.GetAsync(cancellationToken).ConfigureAwait(false);

        progress.BeginStep(1, StepCount, "Finding movies to embed");
        await ThrowIfStoredSetDiffersAsync(model, cancellationToken).ConfigureAwait(false);
        var movies = await _catalog.GetMoviesAsync(includeRemoved: false, cancellationToken).ConfigureAwait(false);
        var hashes = await _store.GetTextHashesAsync(model.Key, cancellationToken).ConfigureAwait(false);
        var pending = new List<PendingMovie>();
        foreach (var movie in movies)
        {
            var text = _textBuilder.Build(movie);
            var hash = _textBuilder.Hash(text);
            if (!hashes.TryGetValue(movie.Id, out var stored) || !string.Equals(stored, hash, StringComparison.Ordinal))
            {
                pending.Add(new PendingMovie(movie, text, hash));
            }
        }

        var skipped = movies.Count - pending.Count;
        GenerateEmbeddingsJobLog.Found(context.Logger, movies.Count, pending.Count, model.ToString(), pending.Sum(p => (long)p.Text.Length) / 4);

        progress.BeginStep(2, StepCount, "Generating embeddings", pending.Count);
        var tally = new Tally();
        if (pending.Count > 0)
        {
            await EmbedAsync(context, model, pending, tally, cancellationToken).ConfigureAwait(false);
        }

        if (tally.Failed > 0 && tally.Generated == 0)
        {
            throw new EmbeddingProviderException(
                $"No movie could be embedded with {model.Key}: all {Format(tally.Failed)} failed ({tally.LastError}). " +
                "They stay unembedded and the next run tries them again.",
                model.Key);
        }

        return new JobResult(
            Summary(movies.Count, tally, skipped, model),
            tally.Generated + tally.Failed,
            pending.Count,
            new Dictionary<string, long>
            {
                ["total"] = movies.Count,
                ["generated"] = tally.Generated,
                ["skipped"] = skipped,
                ["failed"] = tally.Failed,
            });
    }

    private async Task EmbedAsync(JobContext context, EmbeddingModelId model, List<PendingMovie> pending, Tally tally, CancellationToken cancellationToken)
    {
        var batches = pending.Chunk(BatchSize).ToArray();
        await Parallel.ForEachAsync(
            batches,
            new ParallelOptions { MaxDegreeOfParallelism = BatchesInFlight, CancellationToken = cancellationToken },
            async (batch, token) =>
            {
                int generated;
                int failed;
                try
                {
                    (generated, failed) = await EmbedBatchAsync(context, model, batch, token).ConfigureAwait(false);
                }
                catch (Exception exception) when (IsBatchFailure(exception, token))
                {
                    GenerateEmbeddingsJobLog.BatchFailed(context.Logger, batch.Length, batch[0].Movie.DisplayTitle, exception.Message, exception);
                    context.Progress.Advance(batch.Length, batch[^1].Movie.DisplayTitle);
                    if (tally.BatchFailed(batch.Length, exception.Message) >= MaxFailedBatchesInARow)
                    {
                        throw new EmbeddingProviderException(
                            $"Stopped after {MaxFailedBatchesInARow} batches in a row failed with {model.Key} ({exception.Message}). " +
                            $"{Format(tally.Generated)} movies were embedded before; the rest stay unembedded and the next run tries them again.",
                            model.Key,
                            innerException: exception);
                    }

                    return;
                }

                tally.BatchDone(generated, failed);
                context.Progress.Advance(batch.Length, batch[^1].Movie.DisplayTitle);
            }).ConfigureAwait(false);
    }

    /// <summary>Embeds one batch and stores its vectors; returns how many were stored and how many were unusable.</summary>
    private async Task<(int Generated, int Failed)> EmbedBatchAsync(JobContext context, EmbeddingModelId model, PendingMovie[] batch, CancellationToken cancellationToken)
    {
        var embeddings = await _generator!.GenerateAsync(batch.Select(p => p.Text), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (embeddings.Count != batch.Length)
        {
            throw new EmbeddingProviderException(
                $"The embedding provider returned {embeddings.Count} embeddings for {batch.Length} texts; none of them were stored.",
                model.Key);
        }

        var vectors = new List<MovieVector>(batch.Length);
        var unusable = 0;
        for (var i = 0; i < batch.Length; i++)
        {
            var vector = embeddings[i].Vector;
            if (vector.Length != model.Dimensions)
            {
                throw new EmbeddingDimensionMismatchException(
                    $"The embedding provider returned {vector.Length}-dimension vectors for {model.Key}, which is set up for {model.Dimensions} dimensions; " +
                    "nothing of the batch was stored. Configure the model's real dimensions (Aperture:Embeddings:Dimensions, or those given to AddEmbeddingGenerator), " +
                    "or choose the model that makes vectors of the configured size.",
                    model.Dimensions,
                    vector.Length,
                    model.Key);
            }

            if (!IsUsable(vector.Span))
            {
                // A zero or non-finite vector cannot be compared with anything: leave the movie for the next run.
                GenerateEmbeddingsJobLog.UnusableVector(context.Logger, batch[i].Movie.DisplayTitle, model.Key);
                unusable++;
                continue;
            }

            vectors.Add(new MovieVector(batch[i].Movie.Id, model, batch[i].Hash, vector));
        }

        if (vectors.Count > 0)
        {
            await _store.UpsertVectorsAsync(vectors, cancellationToken).ConfigureAwait(false);
        }

        return (vectors.Count, unusable);
    }

    /// <summary>
    /// Whether <paramref name="exception"/> fails only its batch: not cancellation, and not an error every further
    /// batch would meet too (those fail the run at once).
    /// </summary>
    private static bool IsBatchFailure(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => false,
        EmbeddingProviderException { RequiresUserAction: true } => false,
        StoreException => false,
        _ => true,
    };

    /// <summary>
    /// Fails when the store holds vectors under the active model's key with another length: the provider's
    /// model changed size under the same name, and the two sets cannot be mixed.
    /// </summary>
    private async Task ThrowIfStoredSetDiffersAsync(EmbeddingModelId model, CancellationToken cancellationToken)
    {
        var sets = await _store.GetModelsAsync(cancellationToken).ConfigureAwait(false);
        var stored = sets.FirstOrDefault(set => string.Equals(set.Model.Key, model.Key, StringComparison.Ordinal));
        if (stored is not null && stored.Model.Dimensions != model.Dimensions)
        {
            throw new EmbeddingDimensionMismatchException(
                $"The store holds {Format(stored.VectorCount)} vectors of {model.Key} with {stored.Model.Dimensions} dimensions, but the model now makes {model.Dimensions}. " +
                "Purge the old set (IEmbeddingMaintenance.PurgeAsync) to re-embed everything at the new size, or register the model under a new name.",
                model.Dimensions,
                stored.Model.Dimensions,
                model.Key);
        }
    }

    private static bool IsUsable(ReadOnlySpan<float> vector)
    {
        var nonZero = false;
        foreach (var value in vector)
        {
            if (!float.IsFinite(value))
            {
                return false;
            }

            nonZero |= value != 0;
        }

        return nonZero;
    }

    private static string Summary(int total, Tally tally, int skipped, EmbeddingModelId model)
    {
        if (tally.Generated == 0 && tally.Failed == 0)
        {
            return $"{Format(total)} movies: all up to date with {model.Key}";
        }

        var summary = $"{Format(total)} movies: {Format(tally.Generated)} embedded with {model.Key}, {Format(skipped)} up to date";
        return tally.Failed > 0 ? $"{summary}, {Format(tally.Failed)} failed (tried again next run)" : summary;
    }

    private static string Format(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A movie to embed, with its text and the text's hash.</summary>
    private sealed record PendingMovie(Movie Movie, string Text, string Hash);

    /// <summary>The run's counts, updated by concurrent batches.</summary>
    private sealed class Tally
    {
        private readonly Lock _gate = new();
        private int _failedInARow;

        public long Generated { get; private set; }

        public long Failed { get; private set; }

        public string? LastError { get; private set; }

        public void BatchDone(int generated, int failed)
        {
            lock (_gate)
            {
                Generated += generated;
                Failed += failed;
                _failedInARow = 0;
            }
        }

        /// <summary>Counts a failed batch; returns how many batches in a row have failed.</summary>
        public int BatchFailed(int movies, string error)
        {
            lock (_gate)
            {
                Failed += movies;
                LastError = error;
                return ++_failedInARow;
            }
        }
    }
}
