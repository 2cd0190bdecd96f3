using System.Globalization;
using Microsoft.Extensions.Logging;

namespace GoldBot.Monitoring;

/// <summary>What GoldBot does while a file it keeps cannot be written (<c>Monitoring:OnWriteFailure</c>).</summary>
public enum WriteFailurePolicy
{
    /// <summary>Trading goes on; the failure is reported (log, status.json, exit summary) and the write retried.</summary>
    Continue,

    /// <summary>
    /// No new entry while any file fails; the open trade keeps its stop and targets, and entries are allowed again once every
    /// file is written again. For a trader who will not trade without a written record.
    /// </summary>
    Stop,
}

/// <summary>status.json <c>write_failures</c> entry: one file GoldBot could not write at some point of the run.</summary>
/// <param name="File">The file's name (the state store: its path).</param>
/// <param name="Failing">True while its last write failed.</param>
/// <param name="Failures">Failed writes this run.</param>
/// <param name="FirstFailedAt">Market time of the first failure, UTC.</param>
/// <param name="LastError">The last failure's message.</param>
/// <param name="Pending">Lines or records kept in memory until the file takes them (0 for a file rewritten whole).</param>
public sealed record WriteFailureStatus(string File, bool Failing, int Failures, DateTimeOffset FirstFailedAt, string LastError, int Pending);

/// <summary>
/// The writes of the files GoldBot keeps (status.json, the journal, signals.log, the state store), each tracked on its own
/// (issue 11): a write that throws, whatever the exception, is caught; the first failure of a streak is logged once as an
/// error, with what it means, and its recovery once; every failure is counted for status.json and the exit summary.
/// Under <see cref="WriteFailurePolicy.Stop"/>, <see cref="EntriesBlockedBy"/> names a failing file. Thread-safe.
/// </summary>
public sealed class WriteFailures(TimeProvider time, ILogger logger, WriteFailurePolicy policy = WriteFailurePolicy.Continue)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, WriteFailureStatus> _files = new(StringComparer.Ordinal);

    /// <summary>The configured policy.</summary>
    public WriteFailurePolicy Policy => policy;

    /// <summary>
    /// Runs <paramref name="write"/> to <paramref name="path"/>; true when it succeeded. A failure is recorded and, the first
    /// of a streak, logged with <paramref name="consequence"/> (what it means for the operator); it is never thrown.
    /// </summary>
    public bool Attempt(string path, Action write, string consequence)
    {
        try
        {
            Run(path, write, consequence);
            return true;
        }
#pragma warning disable CA1031 // A monitoring write never kills the daemon, whatever failed: a permission change, a full disk (issue 11).
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    /// <summary>
    /// Runs <paramref name="write"/> to <paramref name="path"/> as <see cref="Attempt"/> does (recorded, reported once), for a
    /// caller that must know why it failed: the exception is thrown again after it is recorded.
    /// </summary>
    public void Run(string path, Action write, string consequence)
    {
        ArgumentNullException.ThrowIfNull(write);
        try
        {
            write();
        }
        catch (Exception e)
        {
            Failed(path, e.Message, consequence);
            throw;
        }
        Succeeded(path);
    }

    /// <summary>Records how many lines or records for <paramref name="path"/> wait in memory for the file to take them.</summary>
    public void SetPending(string path, int count)
    {
        lock (_gate)
        {
            if (_files.TryGetValue(Name(path), out var status))
                _files[Name(path)] = status with { Pending = count };
        }
    }

    private void Failed(string path, string message, string consequence)
    {
        bool first;
        lock (_gate)
        {
            var name = Name(path);
            var known = _files.TryGetValue(name, out var status);
            first = !known || !status!.Failing;
            _files[name] = known
                ? status! with { Failing = true, Failures = status.Failures + 1, LastError = message }
                : new WriteFailureStatus(name, true, 1, time.GetUtcNow(), message, 0);
        }
        if (first)
        {
            logger.LogError("Cannot write {Path}: {Message}; {Consequence}{Policy}", path, message, consequence,
                policy == WriteFailurePolicy.Stop ? "; new entries blocked until it can be written (Monitoring:OnWriteFailure Stop)" : "; trading continues");
        }
    }

    private void Succeeded(string path)
    {
        int failures;
        lock (_gate)
        {
            if (!_files.TryGetValue(Name(path), out var status) || !status.Failing)
                return;
            _files[Name(path)] = status with { Failing = false };
            failures = status.Failures;
        }
        logger.LogInformation("{Path} written again (after {Failures} failed writes)", path, failures);
    }

    /// <summary>Every file that failed this run, in the order of their first failure.</summary>
    public IReadOnlyList<WriteFailureStatus> Status()
    {
        lock (_gate)
            return [.. _files.Values.OrderBy(f => f.FirstFailedAt)];
    }

    /// <summary>Under <see cref="WriteFailurePolicy.Stop"/>, why entries are blocked (a file failing now); else null.</summary>
    public string? EntriesBlockedBy
    {
        get
        {
            if (policy != WriteFailurePolicy.Stop)
                return null;
            lock (_gate)
                return _files.Values.FirstOrDefault(f => f.Failing) is { } failing ? $"{failing.File} cannot be written (Monitoring:OnWriteFailure Stop)" : null;
        }
    }

    /// <summary>
    /// The exit summary's line, or null when every write succeeded: each file with its failed writes, and whether it was
    /// written again or still fails (with what is still held in memory, lost when the process ends).
    /// </summary>
    public string? Summary()
    {
        var files = Status();
        if (files.Count == 0)
            return null;
        return "write failures: " + string.Join("; ", files.Select(f => string.Create(CultureInfo.InvariantCulture,
            $"{f.File} {f.Failures} failed from {f.FirstFailedAt:yyyy-MM-ddTHH:mm:ssZ}, ") +
            (f.Failing ? $"STILL FAILING ({f.LastError})" + (f.Pending > 0 ? $", {f.Pending} records not written" : "") : "written again")));
    }

    private static string Name(string path) => Path.GetFileName(path) is { Length: > 0 } name ? name : path;
}
