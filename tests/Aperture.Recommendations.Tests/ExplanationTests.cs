using Aperture.Catalog;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Aperture.Recommendations.Tests;

public sealed class ExplanationTests
{
    private static (Scenario Scenario, Movie Target) TwoWatchedThrillers()
    {
        var scenario = new Scenario();
        scenario.Watch(scenario.Add("Night Train", Scenario.Axis(0, 0.1f), m => m with { Genres = ["Thriller", "Drama"] }));
        scenario.Watch(scenario.Add("Cold Harbor", Scenario.Axis(0, 0.3f), m => m with { Genres = ["Thriller"] }));
        var target = scenario.Add("The Verdict", Scenario.Axis(0), m => m with { Genres = ["Thriller", "Mystery"], Overview = "A juror has doubts." });
        scenario.Add("Second", Scenario.Axis(0, 0.6f), m => m with { Genres = ["Western"] });
        return (scenario, target);
    }

    private static RecommendationOptions Explained(ExplanationMode mode = ExplanationMode.Template, int picks = 2) =>
        Scenario.Quiet(o => { o.Explanations = mode; o.PicksPerUser = picks; o.ChatBatchSize = 1; o.ChatTimeout = TimeSpan.FromSeconds(30); });

    [Fact]
    public async Task The_template_cites_the_evidence_titles_and_the_genres_they_share()
    {
        var (scenario, _) = TwoWatchedThrillers();

        var result = await scenario.Session(Explained(), new TemplateExplainer()).RecommendAsync(Scenario.User());

        Assert.Equal(
            "Because you watched “Night Train (2000)” and “Cold Harbor (2001)”: like them, this is a thriller film.",
            result.Picks[0].Explanation);
        Assert.Equal(
            "Because you watched “Cold Harbor (2001)” and “Night Train (2000)”, and this is close to them in story and tone.",
            result.Picks[1].Explanation);
    }

    [Fact]
    public void The_template_mentions_co_watching_and_copes_without_evidence()
    {
        var movie = new Movie { ServerId = "1", Title = "Orbit", Year = 2010, Genres = ["Science Fiction"], CommunityRating = 7.85 };
        var watched = new Movie { ServerId = "2", Title = "Comet", Year = 2004, Genres = ["Action"] };
        var evidence = new PickEvidence(Guid.NewGuid(), watched.DisplayTitle, 0.8);
        var breakdown = new ScoreBreakdown(0.5, 1, 0.5, 0.5, 0);

        var social = TemplateExplainer.Explain(new PickDraft(movie, [evidence], [watched], breakdown, 0.7));
        var bare = TemplateExplainer.Explain(new PickDraft(movie, [], [], breakdown, 0));
        var unknown = TemplateExplainer.Explain(new PickDraft(movie with { Genres = [], CommunityRating = null }, [], [], breakdown, 0));

        Assert.Equal("Because you watched “Comet (2004)”, and this is close to it in story and tone. Viewers on this server who watched “Comet (2004)” often watched it too.", social);
        Assert.Equal("A science fiction film rated 7.9/10 that you have not seen yet.", bare);
        Assert.Equal("A film you have not seen yet.", unknown);
    }

    [Fact]
    public async Task Explanations_can_be_turned_off()
    {
        var (scenario, _) = TwoWatchedThrillers();

        var result = await scenario.RecommendAsync(Explained(ExplanationMode.None));

        Assert.All(result.Picks, p => Assert.Null(p.Explanation));
    }

    [Fact]
    public async Task A_chat_model_explains_in_batches_with_a_json_answer()
    {
        var (scenario, _) = TwoWatchedThrillers();
        var chat = ScriptedChatClient.Answering(_ =>
            "```json\n{\"explanations\":[{\"index\":1,\"text\":\"  You liked Night Train; this is just as tense.  \"}]}\n```");
        var options = Explained(ExplanationMode.Chat);

        var result = await scenario.Session(options, new ChatExplainer(chat, options, TimeProvider.System, new FakeLogger())).RecommendAsync(Scenario.User());

        Assert.Equal(["You liked Night Train; this is just as tense.", "You liked Night Train; this is just as tense."], result.Picks.Select(p => p.Explanation));
        Assert.Equal(2, chat.Requests.Count);
        var prompt = chat.Requests[0][^1].Text;
        Assert.Contains("1. The Verdict (2002) — Thriller, Mystery", prompt, StringComparison.Ordinal);
        Assert.Contains("Night Train (2000) (", prompt, StringComparison.Ordinal);
        Assert.Contains("Plot: A juror has doubts.", prompt, StringComparison.Ordinal);
        Assert.Contains("Genres they watch most: Thriller, Drama", prompt, StringComparison.Ordinal);
        Assert.Equal(Microsoft.Extensions.AI.ChatResponseFormat.Json, chat.Options[0]!.ResponseFormat);
    }

    [Fact]
    public async Task A_failing_chat_model_falls_back_to_the_template_and_never_fails_the_run()
    {
        var (scenario, _) = TwoWatchedThrillers();
        var chat = ScriptedChatClient.Failing(new HttpRequestException("connection refused"));
        var options = Explained(ExplanationMode.Chat);
        var logger = new FakeLogger();

        var result = await scenario.Session(options, new ChatExplainer(chat, options, TimeProvider.System, logger)).RecommendAsync(Scenario.User());

        Assert.Equal(RecommendationOutcome.Completed, result.Outcome);
        Assert.StartsWith("Because you watched “Night Train (2000)”", result.Picks[0].Explanation, StringComparison.Ordinal);
        Assert.Equal(2, logger.Collector.GetSnapshot().Count(r => r.Message.Contains("could not explain", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("Sorry, I cannot help with that.")]
    [InlineData("{\"explanations\": [{\"index\": 1, \"text\": ")]
    [InlineData("{\"explanations\": [{\"index\": 7, \"text\": \"wrong index\"}, {\"index\": 1, \"text\": \"   \"}]}")]
    [InlineData("")]
    public async Task A_bad_or_incomplete_answer_falls_back_to_the_template(string answer)
    {
        var (scenario, _) = TwoWatchedThrillers();
        var options = Explained(ExplanationMode.Chat, picks: 1);

        var result = await scenario.Session(options, new ChatExplainer(ScriptedChatClient.Answering(_ => answer), options, TimeProvider.System, new FakeLogger())).RecommendAsync(Scenario.User());

        Assert.Equal(TemplateExplainer.Explain(new PickDraft(
            scenario.Dataset().Movies.Single(m => m.Title == "The Verdict"),
            result.Picks[0].Evidence,
            scenario.Dataset().Movies.Where(m => m.Title is "Night Train" or "Cold Harbor").OrderByDescending(m => m.Title).ToList(),
            result.Picks[0].Breakdown,
            0)), result.Picks[0].Explanation);
    }

    [Fact]
    public async Task A_chat_model_that_does_not_answer_in_time_falls_back_to_the_template()
    {
        var (scenario, _) = TwoWatchedThrillers();
        var time = new FakeTimeProvider(Scenario.Now);
        var chat = new ScriptedChatClient(async (_, token) =>
        {
            time.Advance(TimeSpan.FromSeconds(31));
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
            return "never";
        });
        var options = Explained(ExplanationMode.Chat, picks: 1);

        var result = await scenario.Session(options, new ChatExplainer(chat, options, time, new FakeLogger())).RecommendAsync(Scenario.User());

        Assert.StartsWith("Because you watched", result.Picks[0].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_the_run_cancels_the_chat_request_instead_of_falling_back()
    {
        var (scenario, _) = TwoWatchedThrillers();
        using var cancellation = new CancellationTokenSource();
        var chat = new ScriptedChatClient(async (_, token) =>
        {
            await cancellation.CancelAsync();
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
            return "never";
        });
        var options = Explained(ExplanationMode.Chat, picks: 1);
        var session = scenario.Session(options, new ChatExplainer(chat, options, TimeProvider.System, new FakeLogger()));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session.RecommendAsync(Scenario.User(), cancellation.Token));
    }

    [Fact]
    public void Parse_accepts_the_explanation_property_and_text_around_the_json()
    {
        var answers = ChatExplainer.Parse("Here you go: {\"explanations\":[{\"index\":\"2\",\"explanation\":\"Two.\"},{\"index\":1,\"text\":\"One.\"}]} Enjoy!", 2);

        Assert.Equal("One.", answers[1]);
        Assert.Equal("Two.", answers[2]);
    }
}
