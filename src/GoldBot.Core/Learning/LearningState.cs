namespace GoldBot.Learning;

/// <summary>What the learning system has changed: subjects (patterns or pattern cells) it turned off, with why, and the size multiplier.</summary>
public sealed class LearningState
{
    /// <summary>Disabled subjects (a pattern, or <c>pattern|condition:value</c>) and the decision's reason.</summary>
    public Dictionary<string, string> Disabled { get; } = new(StringComparer.Ordinal);

    /// <summary>Multiplier of the default size (1 = unchanged); the risk rules still cap every trade.</summary>
    public decimal SizeMultiplier { get; set; } = 1m;

    /// <summary>The latest size decision's reason, or null while the size is unchanged.</summary>
    public string? SizeReason { get; set; }
}
