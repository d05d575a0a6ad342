namespace Aperture.Recommendations;

/// <summary>Writes the sentence or two that says why each pick was made.</summary>
internal interface IPickExplainer
{
    /// <summary>
    /// Returns one explanation per pick, in order. Never throws for a failed explanation (it falls back); throws only
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    Task<IReadOnlyList<string?>> ExplainAsync(ExplanationRequest request, CancellationToken cancellationToken);
}
