using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Aperture.Recommendations;

/// <summary>
/// Explains picks with a chat model, <see cref="RecommendationOptions.ChatBatchSize"/> picks per request, asking for a
/// JSON answer. A request that fails, times out or answers badly falls back to the template for its picks; one
/// missing or empty answer falls back for that pick alone. Never fails the run.
/// </summary>
internal sealed class ChatExplainer(IChatClient chatClient, RecommendationOptions options, TimeProvider timeProvider, ILogger logger) : IPickExplainer
{
    private const int PlotCharacters = 240;
    private const int MaxExplanationCharacters = 1_000;

    private const string Instructions =
        """
        You explain to one person why each movie was recommended to them. For each numbered movie write one or two
        warm, specific, spoiler-free sentences that mention at least one of the movies they watched that is listed
        with it. Use only the facts given. Answer with JSON only, in this form:
        {"explanations":[{"index":1,"text":"..."}]}
        """;

    public async Task<IReadOnlyList<string?>> ExplainAsync(ExplanationRequest request, CancellationToken cancellationToken)
    {
        var explanations = new string?[request.Picks.Count];
        for (var start = 0; start < request.Picks.Count; start += options.ChatBatchSize)
        {
            var count = Math.Min(options.ChatBatchSize, request.Picks.Count - start);
            var answers = await AskAsync(request, start, count, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < count; i++)
            {
                explanations[start + i] = answers?.GetValueOrDefault(i + 1) ?? TemplateExplainer.Explain(request.Picks[start + i]);
            }
        }

        return explanations;
    }

    // The explanations by 1-based index within the batch, or null when the whole batch must fall back.
    private async Task<Dictionary<int, string>?> AskAsync(ExplanationRequest request, int start, int count, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.ChatTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var response = await chatClient.GetResponseAsync(
                [new ChatMessage(ChatRole.System, Instructions), new ChatMessage(ChatRole.User, Prompt(request, start, count))],
                new ChatOptions { ResponseFormat = ChatResponseFormat.Json, Temperature = 0.4f, MaxOutputTokens = 160 * count },
                linked.Token).ConfigureAwait(false);
            var answers = Parse(response.Text, count);
            if (answers.Count < count)
            {
                Log.ChatAnswerIncomplete(logger, request.User.Id, count - answers.Count, count);
            }

            return answers;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            // Whatever went wrong (network, timeout, refusal, bad JSON), the template still explains the picks.
            Log.ChatExplanationFailed(logger, request.User.Id, count, exception);
            return null;
        }
    }

    private static string Prompt(ExplanationRequest request, int start, int count)
    {
        var prompt = new StringBuilder();
        if (request.TopGenres.Count > 0)
        {
            prompt.Append("Genres they watch most: ").AppendJoin(", ", request.TopGenres).Append(".\n");
        }

        prompt.Append("Recommended movies:\n");
        for (var i = 0; i < count; i++)
        {
            var pick = request.Picks[start + i];
            var movie = pick.Movie;
            prompt.Append(CultureInfo.InvariantCulture, $"{i + 1}. {movie.DisplayTitle}");
            if (movie.Genres.Count > 0)
            {
                prompt.Append(" — ").AppendJoin(", ", movie.Genres);
            }

            prompt.Append('\n');
            if (pick.Evidence.Count > 0)
            {
                prompt.Append("   Because they watched: ")
                    .AppendJoin("; ", pick.Evidence.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Title} ({e.Similarity * 100:0}% similar)")))
                    .Append('\n');
            }

            if (pick.CollaborativeShare >= 0.4)
            {
                prompt.Append("   Often watched by other viewers of the same server who watched those.\n");
            }

            if (!string.IsNullOrWhiteSpace(movie.Overview))
            {
                var plot = movie.Overview.Length <= PlotCharacters ? movie.Overview : movie.Overview[..PlotCharacters] + "…";
                prompt.Append("   Plot: ").Append(plot.ReplaceLineEndings(" ")).Append('\n');
            }
        }

        return prompt.ToString();
    }

    /// <summary>Reads <c>{"explanations":[{"index":n,"text":"…"}]}</c>, tolerating a Markdown fence and text around it.</summary>
    internal static Dictionary<int, string> Parse(string? text, int count)
    {
        var answers = new Dictionary<int, string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return answers;
        }

        var first = text.IndexOf('{', StringComparison.Ordinal);
        var last = text.LastIndexOf('}');
        if (first < 0 || last <= first)
        {
            throw new JsonException("The chat answer holds no JSON object.");
        }

        var answer = JsonSerializer.Deserialize(text.AsSpan(first, last - first + 1), RecommendationsJsonContext.Default.ChatExplanationsAnswer);
        foreach (var item in answer?.Explanations ?? [])
        {
            var explanation = (item.Text ?? item.Explanation)?.Trim();
            if (item.Index >= 1 && item.Index <= count && !string.IsNullOrEmpty(explanation))
            {
                answers[item.Index] = explanation.Length <= MaxExplanationCharacters ? explanation : explanation[..MaxExplanationCharacters];
            }
        }

        return answers;
    }
}
