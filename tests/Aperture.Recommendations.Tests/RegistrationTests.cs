using Aperture.Storage;
using Aperture.Testing.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Aperture.Recommendations.Tests;

public sealed class RegistrationTests
{
    private static SyntheticServer Small(int vectorDimensions = 16) =>
        SyntheticDataGenerator.Generate(new SyntheticDataOptions { Seed = 9, UserCount = 3, MovieCount = 120, VectorDimensions = vectorDimensions });

    [Fact]
    public async Task Options_bind_from_configuration_then_the_callback()
    {
        await using var host = await RecommenderHost.StartAsync(
            Small(),
            o => o.ContentWeight = 0.9,
            configuration: new Dictionary<string, string?>
            {
                ["Aperture:Recommendations:PicksPerUser"] = "7",
                ["Aperture:Recommendations:Profile"] = "Centroid",
                ["Aperture:Recommendations:ContentWeight"] = "0.1",
            });

        var session = await host.Recommender.CreateSessionAsync();
        var result = await session.RecommendAsync((await host.Store.GetUsersAsync())[0]);

        Assert.Equal(7, result.Picks.Count);
        Assert.Contains("\"profile\":\"Centroid\"", session.SettingsJson, StringComparison.Ordinal);
        Assert.Contains("\"contentWeight\":0.9", session.SettingsJson, StringComparison.Ordinal);
        Assert.Equal("synthetic:taste-clusters-16", session.ModelKey);
        Assert.Equal(host.Server.Movies.Count, session.MovieCount);
    }

    [Theory]
    [InlineData("PicksPerUser", "0", "PicksPerUser")]
    [InlineData("PicksPerUser", "501", "PicksPerUser")]
    [InlineData("DiversityWeight", "1.5", "DiversityWeight")]
    [InlineData("ContentWeight", "-1", "ContentWeight")]
    public async Task Invalid_settings_fail_at_start_naming_the_setting(string key, string value, string named)
    {
        await using var host = await RecommenderHost.StartAsync(Small(), configuration: new Dictionary<string, string?> { [$"Aperture:Recommendations:{key}"] = value });

        var error = Assert.Throws<OptionsValidationException>(() => host.Options.Value);

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_blend_without_any_weight_is_refused()
    {
        await using var host = await RecommenderHost.StartAsync(Small(), o =>
        {
            o.ContentWeight = 0;
            o.CollaborativeWeight = 0;
            o.PriorWeight = 0;
            o.NoveltyWeight = 0;
        });

        var error = Assert.Throws<OptionsValidationException>(() => host.Options.Value);

        Assert.Contains("no movie can be scored", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_vectors_of_the_active_model_a_session_says_to_run_the_embeddings_job()
    {
        await using var host = await RecommenderHost.StartAsync(Small(vectorDimensions: 0));

        var error = await Assert.ThrowsAsync<RecommendationException>(() => host.Recommender.CreateSessionAsync());

        Assert.Contains("generate-movie-embeddings", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_explanations_without_a_chat_client_fall_back_to_the_template_with_a_warning()
    {
        await using var host = await RecommenderHost.StartAsync(Small(), o => o.Explanations = ExplanationMode.Chat);

        var session = await host.Recommender.CreateSessionAsync();
        var result = await session.RecommendAsync((await host.Store.GetUsersAsync())[0]);

        Assert.All(result.Picks, p => Assert.StartsWith("Because you watched", p.Explanation, StringComparison.Ordinal));
        Assert.Contains(host.Logs.GetSnapshot(), r => r.Message.Contains("no IChatClient is registered", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_registered_chat_client_explains_the_picks()
    {
        var chat = ScriptedChatClient.Answering(_ => "{\"explanations\":[{\"index\":1,\"text\":\"Chat says so.\"}]}");
        await using var host = await RecommenderHost.StartAsync(Small(), o => { o.Explanations = ExplanationMode.Chat; o.PicksPerUser = 3; }, chat);

        var session = await host.Recommender.CreateSessionAsync();
        var result = await session.RecommendAsync((await host.Store.GetUsersAsync())[0]);

        Assert.Equal("Chat says so.", result.Picks[0].Explanation);
        Assert.Single(chat.Requests);
        Assert.StartsWith("Because you watched", result.Picks[1].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_evaluator_refuses_invalid_settings_and_duplicate_names()
    {
        await using var host = await RecommenderHost.StartAsync(Small());

        await Assert.ThrowsAsync<ArgumentException>(() => host.Evaluator.EvaluateAsync(new RecommendationOptions { PicksPerUser = 0 }));
        await Assert.ThrowsAsync<ArgumentException>(() => host.Evaluator.CompareAsync([new("a", new()), new("a", new())]));
        await Assert.ThrowsAsync<ArgumentException>(() => host.Evaluator.EvaluateAsync(new RecommendationOptions(), new EvaluationOptions { K = 0 }));
    }

    [Fact]
    public async Task The_evaluator_measures_only_the_users_asked_for()
    {
        await using var host = await RecommenderHost.StartAsync(Small());
        var user = host.Server.Users[1].Id;

        var result = await host.Evaluator.EvaluateAsync(new RecommendationOptions(), new EvaluationOptions { UserIds = [user], HoldoutsPerUser = 3 });

        Assert.Equal(1, result.Users);
        Assert.Equal(3, result.Cases);
        Assert.InRange(result.Ndcg, 0, result.HitRate);
        Assert.InRange(result.Coverage, 0.0, 1.0);
    }
}
