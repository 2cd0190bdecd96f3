using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace GoldBot.TopstepX.Tests.Support;

/// <summary>Keeps every formatted log line (its level first, its arguments after) so tests can check what was logged.</summary>
internal sealed class CapturingLogger<T> : ILogger<T>
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var line = formatter(state, exception);
        if (state is IEnumerable<KeyValuePair<string, object?>> values)
            line += " | " + string.Join(", ", values.Select(v => $"{v.Key}={v.Value}"));
        Lines.Enqueue($"{logLevel}: {line}" + (exception is null ? "" : " | " + exception));
    }
}
