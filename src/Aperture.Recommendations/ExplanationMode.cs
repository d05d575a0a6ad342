namespace Aperture.Recommendations;

/// <summary>How picks are explained.</summary>
public enum ExplanationMode
{
    /// <summary>No explanations.</summary>
    None,

    /// <summary>Sentences from a template citing the evidence titles and shared genres; no network.</summary>
    Template,

    /// <summary>
    /// A chat model (the registered <c>Microsoft.Extensions.AI.IChatClient</c>) writes them in batches; any failure,
    /// or no chat client registered, falls back to the template and never fails the run.
    /// </summary>
    Chat,
}
