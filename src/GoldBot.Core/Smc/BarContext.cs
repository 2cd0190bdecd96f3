namespace GoldBot.Smc;

/// <summary>The bar being processed: its index and its close time (when its facts become known).</summary>
internal readonly record struct BarContext(int Index, DateTimeOffset KnownTime);
