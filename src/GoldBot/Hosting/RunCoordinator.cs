using Microsoft.Extensions.Hosting;

namespace GoldBot.Hosting;

/// <summary>How a run ended; <see cref="Program"/> maps it to the exit code.</summary>
public enum RunOutcome
{
    /// <summary>Still running.</summary>
    Running,

    /// <summary>The replay reached the end of its data (exit code 0).</summary>
    Completed,

    /// <summary>EMERGENCY_STOP.txt: flattened and stopped (exit code 3).</summary>
    EmergencyStop,

    /// <summary>A stage failed (exit code 1).</summary>
    Failed,
}

/// <summary>Ends the run once, with an outcome, by stopping the host.</summary>
public sealed class RunCoordinator(IHostApplicationLifetime lifetime)
{
    private int _finished;

    /// <summary>The outcome, <see cref="RunOutcome.Running"/> until <see cref="Finish"/>.</summary>
    public RunOutcome Outcome { get; private set; } = RunOutcome.Running;

    /// <summary>Why the run failed, when it did.</summary>
    public string? FailureReason { get; private set; }

    /// <summary>Records the outcome (the first one wins) and stops the host.</summary>
    /// <param name="reason">For <see cref="RunOutcome.Failed"/>: what failed.</param>
    public void Finish(RunOutcome outcome, string? reason = null)
    {
        if (Interlocked.Exchange(ref _finished, 1) == 0)
        {
            Outcome = outcome;
            FailureReason = reason;
        }
        lifetime.StopApplication();
    }
}
