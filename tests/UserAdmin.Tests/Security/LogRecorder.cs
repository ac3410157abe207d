using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace UserAdmin.Tests.Security;

/// <summary>
/// Keeps every log entry of the app at every level as text: the message, each structured value, the
/// exception and the scopes around it, so a test can search everything a log sink would receive.
/// </summary>
public sealed class LogRecorder : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<string> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Recorder(LogRecorder owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            var entry = new StringBuilder().Append(logLevel).Append(' ').Append(category).Append(": ").AppendLine(formatter(state, exception));
            AppendValues(entry, state);
            owner._scopes.ForEachScope((scope, text) => AppendValues(text.Append("scope: ").AppendLine(scope?.ToString()), scope), entry);
            entry.Append(exception);
            owner._entries.Enqueue(entry.ToString());
        }

        private static void AppendValues(StringBuilder entry, object? state)
        {
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    entry.Append("  ").Append(key).Append(" = ").AppendLine(value is not string && value is IEnumerable<object> items ? string.Join(", ", items) : value?.ToString());
                }
            }
        }
    }
}
