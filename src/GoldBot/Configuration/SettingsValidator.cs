using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using GoldBot.Market;
using GoldBot.Strategy;

namespace GoldBot.Configuration;

/// <summary>
/// Checks <see cref="GoldBotSettings"/> and returns every violation at once, each naming the
/// configuration key (<c>Risk:DailyLossLimit</c>) and the rule broken: the data-annotation
/// ranges of every nested section, then the rules between keys.
/// </summary>
public static class SettingsValidator
{
    /// <summary>Highest commission accepted, USD per contract per side (CME full-size contracts cost a few dollars).</summary>
    public const decimal MaxCommissionPerSide = 100m;

    /// <summary>Highest simulated slippage accepted, ticks.</summary>
    public const int MaxSlippageTicks = 1000;

    /// <summary>Fastest replay pace accepted, × real time (0, as fast as possible, is faster still).</summary>
    public const double MaxReplaySpeed = 1_000_000;

    /// <summary>Slowest replay pace accepted, × real time (slower would take days per bar).</summary>
    public const double MinReplaySpeed = 0.1;

    /// <summary>
    /// All violations, or an empty list; each starts with the key it concerns, e.g.
    /// <c>Strategy:Entry:MaxOrderBlockAge must be ≥ 1 bar, not 0</c>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> is null.</exception>
    public static IReadOnlyList<string> Validate(GoldBotSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new List<string>();
        Annotations(settings, "", errors, 0);

        var risk = settings.Risk;
        if (risk.TradingWindowStart >= risk.TradingWindowEnd)
            errors.Add("Risk:TradingWindowStart must be before Risk:TradingWindowEnd");
        if (risk.TradingWindowEnd > risk.FlattenAt)
            errors.Add("Risk:TradingWindowEnd must not be after Risk:FlattenAt");
        if (risk.FlattenAt > risk.FlatBy)
            errors.Add("Risk:FlattenAt must not be after Risk:FlatBy");
        if (risk.FlatBy >= risk.SessionClose)
            errors.Add("Risk:FlatBy must be before Risk:SessionClose");
        if (risk.SessionClose > new TimeOnly(16, 0))
            errors.Add("Risk:SessionClose must not be after 16:00 CT (the CME daily halt)");
        for (var i = 0; i < risk.EarlyCloses.Count; i++)
        {
            var close = risk.EarlyCloses[i].Close;
            if (close <= risk.TradingWindowStart.Add(risk.SessionClose - risk.TradingWindowEnd))
                errors.Add($"Risk:EarlyCloses:{i}:Close {close:HH\\:mm} leaves no entry window after Risk:TradingWindowStart");
        }
        if (risk.MinContracts > risk.DefaultContracts)
            errors.Add("Risk:MinContracts must not exceed Risk:DefaultContracts");
        var microEquivalent = ContractOrNull(settings)?.MicroEquivalent ?? 1;
        if (risk.DefaultContracts * microEquivalent > risk.MaxContracts)
            errors.Add(microEquivalent == 1
                ? "Risk:DefaultContracts must not exceed Risk:MaxContracts"
                : $"Risk:DefaultContracts {risk.DefaultContracts} {settings.Instrument.Symbol.ToUpperInvariant()} ({risk.DefaultContracts * microEquivalent} micro equivalents) exceeds Risk:MaxContracts {risk.MaxContracts}");
        if (risk.MaxRiskPerTrade > risk.DailyLossLimit)
            errors.Add("Risk:MaxRiskPerTrade must not exceed Risk:DailyLossLimit");
        if (risk.DailyLossLimit > risk.MaxLossLimit)
            errors.Add("Risk:DailyLossLimit must not exceed Risk:MaxLossLimit");
        for (var i = 0; i < risk.NewsBlackouts.Count; i++)
        {
            if (risk.NewsBlackouts[i].End <= risk.NewsBlackouts[i].Start)
                errors.Add($"Risk:NewsBlackouts:{i}:End must be after Risk:NewsBlackouts:{i}:Start");
        }

        var strategy = settings.Strategy;
        if (strategy.MinScore is < 1 or > 10)
            errors.Add("Strategy:MinScore must be between 1 and 10");
        if (strategy.MinStopTicks < 1 || strategy.MaxStopTicks < strategy.MinStopTicks)
            errors.Add("Strategy:MinStopTicks must be ≥ 1 and not above Strategy:MaxStopTicks");
        foreach (var pattern in strategy.EnabledPatterns.Where(p => !StrategyOptions.TradeablePatterns.Contains(p)))
            errors.Add($"Strategy:Patterns: '{pattern}' is not a pattern GoldBot trades ({string.Join(", ", StrategyOptions.TradeablePatterns)})");
        if (strategy.StopBufferTicks < 0)
            errors.Add("Strategy:StopBufferTicks must be ≥ 0");
        foreach (var (pattern, regimes) in strategy.PatternRegimes ?? new Dictionary<string, IList<string>>())
        {
            if (!StrategyOptions.TradeablePatterns.Contains(pattern))
                errors.Add($"Strategy:PatternRegimes: '{pattern}' is not a pattern GoldBot trades ({string.Join(", ", StrategyOptions.TradeablePatterns)})");
            foreach (var regime in regimes.Where(r => !StrategyOptions.RegimeNames.Contains(r)))
                errors.Add($"Strategy:PatternRegimes:{pattern}: '{regime}' is not a market regime ({string.Join(", ", StrategyOptions.RegimeNames)})");
        }
        if (!Learning.LearningOptions.Policies.Contains(settings.Learning.Policy))
            errors.Add($"Learning:Policy: '{settings.Learning.Policy}' is not a learning policy ({string.Join(", ", Learning.LearningOptions.Policies)})");
        if (settings.Learning.MinSizeMultiplier > settings.Learning.MaxSizeMultiplier)
            errors.Add("Learning:MinSizeMultiplier must not exceed Learning:MaxSizeMultiplier");
        if (!EntryRule.Names.Contains(strategy.EntryMode))
            errors.Add($"Strategy:EntryMode: '{strategy.EntryMode}' is not an entry mode ({string.Join(", ", EntryRule.Names)})");
        if (!ExitRule.Names.Contains(strategy.ExitProfile))
            errors.Add($"Strategy:ExitProfile: '{strategy.ExitProfile}' is not an exit profile ({string.Join(", ", ExitRule.Names)})");
        foreach (var (key, frame) in new[]
                 {
                     ("Strategy:EntryTimeFrame", strategy.EntryTimeFrame), ("Strategy:TrendTimeFrame", strategy.TrendTimeFrame),
                     ("TopstepX:BarTimeFrame", settings.TopstepX.BarTimeFrame),
                 })
        {
            try
            {
                TimeFrame.Parse(frame);
            }
            catch (FormatException e)
            {
                errors.Add($"{key}: {e.Message}");
            }
        }
        foreach (var (key, smc) in new[] { ("Entry", strategy.Entry), ("Trend", strategy.Trend) })
        {
            foreach (var problem in smc.Problems())
                errors.Add($"Strategy:{key}:{problem}");
        }

        var execution = settings.Execution;
        if (execution.CommissionPerSide is < 0 or > MaxCommissionPerSide)
            errors.Add($"Execution:CommissionPerSide must be between 0 and {MaxCommissionPerSide} USD per contract per side");
        if (execution.MarketSlippageTicks is < 0 or > MaxSlippageTicks || execution.StopSlippageTicks is < 0 or > MaxSlippageTicks)
            errors.Add($"Execution:MarketSlippageTicks and Execution:StopSlippageTicks must be between 0 and {MaxSlippageTicks}");
        if (settings.Replay.Speed is > 0 and < MinReplaySpeed)
            errors.Add($"Replay:Speed must be 0 (as fast as possible) or at least {MinReplaySpeed} (a tenth of real time), not {settings.Replay.Speed}");
        if (!string.IsNullOrWhiteSpace(settings.Replay.TimeZone))
        {
            try
            {
                MarketData.BarTimeZone.Parse(settings.Replay.TimeZone);
            }
            catch (ArgumentException)
            {
                errors.Add($"Replay:TimeZone '{settings.Replay.TimeZone}' is not {MarketData.BarTimeZone.Names}");
            }
        }
        if (execution.LimitTradeThroughTicks < 0)
            errors.Add("Execution:LimitTradeThroughTicks must be ≥ 0");

        var calendarFile = settings.Calendar.File;
        if (!string.IsNullOrWhiteSpace(calendarFile) && !calendarFile.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            errors.Add($"Calendar:File must name the JSON session calendar (e.g. {CalendarFile.DefaultFile}), not '{calendarFile}'");

        try
        {
            settings.Contract();
        }
        catch (KeyNotFoundException)
        {
            errors.Add($"Instrument:Symbol '{settings.Instrument.Symbol}' has no specification: add Contracts:{settings.Instrument.Symbol} (TickSize, TickValue) or use MGC, GC, MES or ES");
        }
        var gateway = settings.TopstepX;
        if (settings.Mode is RunMode.Paper or RunMode.Live && !gateway.HasCredentials)
            errors.Add($"Mode {settings.Mode} needs TopstepX credentials from the environment: GOLDBOT__TopstepX__UserName and GOLDBOT__TopstepX__ApiKey");
        if (settings.Mode == RunMode.Live && gateway.AccountId is null)
            errors.Add("Mode Live needs an explicit account: TopstepX:AccountId (GOLDBOT__TopstepX__AccountId); `goldbot accounts` lists them");
        errors.AddRange(DollarProxyRules.Check(settings));
        errors.AddRange(Alerts.AlertSecrets.FromEnvironment().Problems(settings.Alerts));
        foreach (var (key, url) in new[] { ("ApiBaseUrl", gateway.ApiBaseUrl), ("MarketHubUrl", gateway.MarketHubUrl), ("UserHubUrl", gateway.UserHubUrl), ("SimulatorUrl", gateway.SimulatorUrl) })
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                errors.Add($"TopstepX:{key} must be an absolute http(s) address, not '{url}'");
        }
        return errors;
    }

    private static void Annotations(object target, string prefix, List<string> errors, int depth)
    {
        if (depth > 4)
            return;
        var before = errors.Count;
        // Property by property: a [Range] with int bounds converts a decimal to Int32 and throws on a value past Int32 (9.3e18).
        foreach (var property in target.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || !property.IsDefined(typeof(ValidationAttribute), inherit: true))
                continue;
            var value = property.GetValue(target);
            var results = new List<ValidationResult>();
            try
            {
                Validator.TryValidateProperty(value, new ValidationContext(target) { MemberName = property.Name }, results);
            }
            catch (Exception e) when (e is OverflowException or FormatException or InvalidCastException)
            {
                var range = property.GetCustomAttribute<RangeAttribute>();
                errors.Add($"{prefix}{property.Name}: {value} is out of range" + (range is null ? "" : $" ({range.Minimum} to {range.Maximum})"));
                continue;
            }
            foreach (var r in results)
                errors.Add($"{prefix}{property.Name}: {r.ErrorMessage}");
        }
        // The rules between a section's own keys, once its keys are each valid (as Validator.TryValidateObject does).
        if (target is IValidatableObject validatable && errors.Count == before)
        {
            foreach (var r in validatable.Validate(new ValidationContext(target)))
            {
                foreach (var member in r.MemberNames.DefaultIfEmpty(""))
                    errors.Add($"{prefix}{member}: {r.ErrorMessage}");
            }
        }

        foreach (var property in target.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.PropertyType.IsValueType || property.PropertyType == typeof(string))
                continue;
            var value = property.GetValue(target);
            if (value is IDictionary dictionary)
            {
                foreach (DictionaryEntry entry in dictionary)
                {
                    if (entry.Value is not null)
                        Annotations(entry.Value, $"{prefix}{property.Name}:{entry.Key}:", errors, depth + 1);
                }
            }
            else if (value is not null and not IEnumerable)
            {
                Annotations(value, $"{prefix}{property.Name}:", errors, depth + 1);
            }
        }
    }

    private static GoldBot.Market.ContractSpec? ContractOrNull(GoldBotSettings settings)
    {
        try
        {
            return settings.Contract();
        }
        catch (KeyNotFoundException)
        {
            return null;
        }
    }
}
