using System.Text.Json.Serialization;

namespace Aperture.Recommendations;

/// <summary>Source-generated JSON for the settings snapshot and the chat model's answers.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    UseStringEnumConverter = true,
    AllowTrailingCommas = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(SettingsSnapshot))]
[JsonSerializable(typeof(ChatExplanationsAnswer))]
internal sealed partial class RecommendationsJsonContext : JsonSerializerContext
{
}

/// <summary>The settings a run used, stored with it as JSON.</summary>
internal sealed record SettingsSnapshot(
    string Algorithm,
    string ModelKey,
    int PicksPerUser,
    int RecentWatchLimit,
    double RecencyHalfLifeDays,
    double FavoriteBoost,
    TasteProfileKind Profile,
    int MaxInterests,
    double ContentWeight,
    double CollaborativeWeight,
    double PriorWeight,
    double NoveltyWeight,
    int CollaborativeFullConfidenceUsers,
    int CollaborativeNeighbors,
    double PopularityShare,
    double DiversityWeight,
    int EvidencePerPick,
    ExplanationMode Explanations,
    double InProgressThreshold,
    double DislikeRatingThreshold);

/// <summary>The chat model's answer.</summary>
internal sealed class ChatExplanationsAnswer
{
    public List<ChatExplanationItem>? Explanations { get; set; }
}

/// <summary>One explanation in the chat model's answer (<c>text</c>, or <c>explanation</c> as some models write).</summary>
internal sealed class ChatExplanationItem
{
    public int Index { get; set; }

    public string? Text { get; set; }

    public string? Explanation { get; set; }
}
