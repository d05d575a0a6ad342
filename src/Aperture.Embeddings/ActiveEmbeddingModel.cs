using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Aperture.Embeddings;

/// <summary>
/// The active model of a registered provider. Its dimensions come from configuration or the known-model table;
/// failing both, one probe request learns them and the answer is kept for the life of the process (a failed
/// probe is not kept, so the next call tries again).
/// </summary>
internal sealed class ActiveEmbeddingModel : IActiveEmbeddingModel
{
    /// <summary>The text of the probe request: short, so it costs next to nothing.</summary>
    internal const string ProbeText = "dimension probe";

    private readonly string _provider;
    private readonly string _model;
    private readonly IEmbeddingGenerator<string, Embedding<float>>? _probe;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private EmbeddingModelId? _known;
    private Task<EmbeddingModelId>? _probing;

    /// <summary>Creates the model with known dimensions.</summary>
    public ActiveEmbeddingModel(EmbeddingModelId model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _provider = model.Provider;
        _model = model.Model;
        _known = model;
        _logger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
    }

    /// <summary>Creates the model; <paramref name="dimensions"/> unknown means one probe through <paramref name="probe"/>.</summary>
    public ActiveEmbeddingModel(string provider, string model, int? dimensions, IEmbeddingGenerator<string, Embedding<float>> probe, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(logger);
        _provider = provider;
        _model = model;
        _probe = probe;
        _logger = logger;
        if (dimensions is { } known)
        {
            _known = new EmbeddingModelId(provider, model, known);
        }
    }

    /// <summary>The model key (<c>provider:model</c>); known without a probe.</summary>
    public string Key => $"{_provider}:{_model}";

    /// <inheritdoc />
    public ValueTask<EmbeddingModelId> GetAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _known) is { } known)
        {
            return ValueTask.FromResult(known);
        }

        Task<EmbeddingModelId> probing;
        lock (_gate)
        {
            if (_known is { } learned)
            {
                return ValueTask.FromResult(learned);
            }

            // One probe serves every concurrent caller; a caller's cancellation only stops its own wait.
            // A failed probe is replaced, so the next call tries again.
            if (_probing is null || _probing.IsFaulted || _probing.IsCanceled)
            {
                _probing = ProbeAsync();
            }

            probing = _probing;
        }

        return new ValueTask<EmbeddingModelId>(probing.WaitAsync(cancellationToken));
    }

    private async Task<EmbeddingModelId> ProbeAsync()
    {
        var embeddings = await _probe!.GenerateAsync([ProbeText]).ConfigureAwait(false);
        var dimensions = embeddings.Count == 1 ? embeddings[0].Vector.Length : 0;
        if (dimensions < 1)
        {
            throw new EmbeddingProviderException(
                $"The embedding provider for {Key} answered the dimension probe with {embeddings.Count} embeddings of length {dimensions}; it cannot be used. " +
                "Check the provider and model, or state the model's dimensions in the options (Aperture:Embeddings:Dimensions).",
                Key);
        }

        var model = new EmbeddingModelId(_provider, _model, dimensions);
        EmbeddingLog.DimensionsProbed(_logger, Key, dimensions);
        Volatile.Write(ref _known, model);
        return model;
    }
}
