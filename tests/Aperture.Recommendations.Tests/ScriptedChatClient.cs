using Microsoft.Extensions.AI;

namespace Aperture.Recommendations.Tests;

/// <summary>A chat client that answers with whatever the test scripts, and records what it was asked.</summary>
internal sealed class ScriptedChatClient(Func<IReadOnlyList<ChatMessage>, CancellationToken, Task<string>> answer) : IChatClient
{
    public List<IReadOnlyList<ChatMessage>> Requests { get; } = [];

    public List<ChatOptions?> Options { get; } = [];

    public static ScriptedChatClient Answering(Func<string, string> answer) =>
        new((messages, _) => Task.FromResult(answer(messages[^1].Text)));

    public static ScriptedChatClient Failing(Exception exception) => new((_, _) => Task.FromException<string>(exception));

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        Requests.Add(list);
        Options.Add(options);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, await answer(list, cancellationToken)));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
