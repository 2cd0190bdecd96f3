using Serilog.Core;
using Serilog.Events;

namespace GoldBot.Monitoring;

/// <summary>
/// A Serilog sink that keeps the last five warnings and errors (rendered, with market time) for
/// status.json's <c>errors</c> list, so a problem logged once also shows where the operator looks.
/// </summary>
public sealed class RecentErrors : ILogEventSink
{
    private const int Keep = 5;
    private readonly object _gate = new();
    private readonly Queue<string> _messages = new();

    /// <summary>The last five messages, oldest first.</summary>
    public IReadOnlyList<string> Messages { get { lock (_gate) return [.. _messages]; } }

    /// <summary>The message with string values unquoted (as the log templates' <c>:lj</c> format prints them).</summary>
    private static string Render(LogEvent logEvent)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var token in logEvent.MessageTemplate.Tokens)
        {
            if (token is Serilog.Parsing.PropertyToken p && logEvent.Properties.TryGetValue(p.PropertyName, out var value) && value is ScalarValue { Value: string text })
                writer.Write(text);
            else
                token.Render(logEvent.Properties, writer, System.Globalization.CultureInfo.InvariantCulture);
        }
        return writer.ToString();
    }

    /// <inheritdoc/>
    public void Emit(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        if (logEvent.Level < LogEventLevel.Warning)
            return;
        var time = logEvent.Properties.TryGetValue(MarketTimeEnricher.Property, out var t) && t is ScalarValue { Value: string s }
            ? s
            : logEvent.Timestamp.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        var message = $"{time} {logEvent.Level}: {Render(logEvent)}";
        lock (_gate)
        {
            _messages.Enqueue(message);
            if (_messages.Count > Keep)
                _messages.Dequeue();
        }
    }
}
