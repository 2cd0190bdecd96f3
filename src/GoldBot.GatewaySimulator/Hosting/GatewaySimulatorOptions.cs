using GoldBot.GatewaySimulator.Engine;
using GoldBot.GatewaySimulator.Faults;
using GoldBot.Time;

namespace GoldBot.GatewaySimulator.Hosting;

/// <summary>
/// Configuration of the gateway simulator (section <c>GatewaySimulator</c>; the command line overrides
/// --bars, --port, --speed and --shape). <see cref="Validate"/> lists every problem at once.
/// </summary>
public sealed class GatewaySimulatorOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "GatewaySimulator";

    /// <summary>The bars CSV replayed as the market (default: the MGC 3-minute TopstepX file in ../shared/data).</summary>
    public string BarsFile { get; set; } = "../shared/data/mgc_3m_topstepx_MGCG26_2025-11-23_2026-01-02.csv";

    /// <summary>ProjectX id of the contract the bars file belongs to.</summary>
    public string BarsContractId { get; set; } = "CON.F.US.MGC.G26";

    /// <summary>Other contracts listed (active, without a market). Default: MES March 2026.</summary>
    public IList<string> OtherContracts { get; set; } = [];

    /// <summary>Expired contracts listed with <c>activeContract: false</c>. Default: MGC December 2025.</summary>
    public IList<string> ExpiredContracts { get; set; } = [];

    /// <summary>
    /// A dollar proxy contract to list and trade alongside the bars contract (e.g. <c>CON.F.US.EU6.H26</c>, Euro FX; root EU6 or
    /// M6E), priced by <see cref="Market.SyntheticProxy"/> from the gold trades; its History is the same transform of the gold
    /// bars. Null (the default): none.
    /// </summary>
    public string? ProxyContractId { get; set; }

    /// <summary>TCP port on 127.0.0.1 (0 picks a free port).</summary>
    public int Port { get; set; } = 5200;

    /// <summary>
    /// Replay speed. Positive: paced mode, market time flows continuously at this many times wall time (a bar takes period ÷ speed);
    /// 0: step mode, the market moves only with POST /admin/advance. Must be 0 with <see cref="DrivenClock"/>.
    /// </summary>
    public double Speed { get; set; }

    /// <summary>Hub payload shapes.</summary>
    public PayloadShape PayloadShape { get; set; } = PayloadShape.Observed;

    /// <summary>Bars already in the past when the simulator starts (served by History/retrieveBars).</summary>
    public int WarmupBars { get; set; } = 500;

    /// <summary>Reject orders with errorCode 5 while Globex is closed at market time (16:00–17:00 CT, weekends; <see cref="Market.GlobexHours"/>).</summary>
    public bool EnforceTradingHours { get; set; } = true;

    /// <summary>Accepted userName/apiKey pairs. Default: goldbot / sim-api-key.</summary>
    public IList<SimulatorUser> Users { get; set; } = [];

    /// <summary>Accounts. Default: one practice account 1001 with 50,000 USD in Auto OCO mode.</summary>
    public IList<SimulatorAccountOptions> Accounts { get; set; } = [];

    /// <summary>Fees per contract side (USD) by root; missing roots use <see cref="FeeSchedule.Default"/>.</summary>
    public IDictionary<string, decimal> FeesPerSide { get; set; } = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Commissions per contract side (USD) by root; default none.</summary>
    public IDictionary<string, decimal> CommissionsPerSide { get; set; } = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Token lifetime (the gateway's is 24 h, research/topstepx-api.md §2.2).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Requests allowed per <see cref="RateLimitWindow"/> on every endpoint except history (gateway: 200 per 60 s).</summary>
    public int RateLimitPermits { get; set; } = 200;

    /// <summary>Sliding window of the overall rate limit.</summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>History/retrieveBars requests allowed per <see cref="HistoryRateLimitWindow"/> (gateway: 30 per 30 s in the older docs).</summary>
    public int HistoryRateLimitPermits { get; set; } = 30;

    /// <summary>Sliding window of the history rate limit.</summary>
    public TimeSpan HistoryRateLimitWindow { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Faults active from the start (the same JSON as POST /admin/faults, including <c>Seed</c>).</summary>
    public FaultRequest? Faults { get; set; }

    /// <summary>
    /// Wall clock: tokens, fault durations, delays, hub refusals and rate-limit windows (unless <see cref="DrivenClock"/> is set), and the
    /// pace of paced mode (tests inject a manual one, or a <see cref="ReplayClock"/> to drive paced mode). Not bound from configuration.
    /// </summary>
    public TimeProvider WallClock { get; set; } = TimeProvider.System;

    /// <summary>
    /// Driven mode: a clock owned by an external in-process driver. When set it is the market clock (orders, trades, quotes, history,
    /// trading hours) and the clock of everything that otherwise uses <see cref="WallClock"/> (tokens, fault durations, delays, hub
    /// refusals, rate-limit windows); nothing is paced, <c>POST /admin/advance</c> is refused, and the driver moves the clock itself and
    /// calls <see cref="SimulatedGateway.PlayUntilAsync"/> to play the points up to it. Not bound from configuration.
    /// </summary>
    public ReplayClock? DrivenClock { get; set; }

    /// <summary>
    /// Called with each <c>/api</c> request's path and body (after authentication, before any endpoint fault and before it runs):
    /// a test's point to act at an exact step of a client's life, such as killing the client's process. Returning true drops the
    /// request unexecuted (the connection is aborted, as if it never arrived); false lets it run to the end, even when the client has gone
    /// meanwhile (its answer is then lost). Not bound from configuration.
    /// </summary>
    public Func<string, string, bool>? RequestHook { get; set; }

    /// <summary>The simulator's clock for tokens, fault durations, delays, hub refusals and rate limits: <see cref="DrivenClock"/> when set, else <see cref="WallClock"/>.</summary>
    public TimeProvider ServiceClock => (TimeProvider?)DrivenClock ?? WallClock;

    /// <summary>Users, or the default user when none is configured.</summary>
    public IReadOnlyList<SimulatorUser> EffectiveUsers =>
        Users.Count > 0 ? [.. Users] : [new SimulatorUser { UserName = "goldbot", ApiKey = "sim-api-key" }];

    /// <summary>Accounts, or the default account when none is configured.</summary>
    public IReadOnlyList<SimulatorAccountOptions> EffectiveAccounts =>
        Accounts.Count > 0 ? [.. Accounts] : [new SimulatorAccountOptions { Id = 1001, Name = "PRAC-V2-SIM-1001" }];

    /// <summary>Every configuration problem, one line each; empty when valid. Does not open the bars file.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(BarsFile)) problems.Add("BarsFile: required (path of a bars CSV)");
        foreach (var id in new[] { BarsContractId }.Concat(OtherContracts).Concat(ExpiredContracts).Concat(ProxyContractId is { } proxy ? [proxy] : []))
        {
            try { SimContract.FromId(id); }
            catch (ArgumentException e) { problems.Add($"contract '{id}': {e.Message}"); }
        }
        if (Port is < 0 or > 65535) problems.Add($"Port: {Port} is not in [0, 65535]");
        if (Speed < 0 || double.IsNaN(Speed) || double.IsInfinity(Speed)) problems.Add($"Speed: {Speed} must be 0 (step mode) or positive");
        if (DrivenClock is not null && Speed != 0) problems.Add($"Speed: {Speed} must be 0 with a driven clock (the driver sets the pace)");
        if (WarmupBars < 0) problems.Add($"WarmupBars: {WarmupBars} must be ≥ 0");
        if (TokenLifetime <= TimeSpan.Zero) problems.Add("TokenLifetime: must be positive");
        if (RateLimitPermits < 1 || RateLimitWindow <= TimeSpan.Zero) problems.Add("RateLimitPermits/RateLimitWindow: must be positive");
        if (HistoryRateLimitPermits < 1 || HistoryRateLimitWindow <= TimeSpan.Zero) problems.Add("HistoryRateLimitPermits/HistoryRateLimitWindow: must be positive");
        foreach (var u in EffectiveUsers.Where(u => string.IsNullOrWhiteSpace(u.UserName) || string.IsNullOrWhiteSpace(u.ApiKey)))
            problems.Add($"Users: user '{u.UserName}' needs both UserName and ApiKey");
        var ids = EffectiveAccounts.GroupBy(a => a.Id).Where(g => g.Count() > 1).Select(g => g.Key);
        foreach (var id in ids) problems.Add($"Accounts: id {id} appears more than once");
        foreach (var a in EffectiveAccounts.Where(a => a.Id <= 0)) problems.Add($"Accounts: id {a.Id} must be positive");
        foreach (var kv in FeesPerSide.Concat(CommissionsPerSide).Where(kv => kv.Value < 0)) problems.Add($"fees: {kv.Key} {kv.Value} must be ≥ 0");
        if (Faults is not null)
            problems.AddRange(Faults.Validate().Select(p => "Faults." + p));
        return problems;
    }

    /// <summary>The contracts listed: the bars contract, the others (default MES March 2026), the expired ones (default MGC December 2025) and the proxy, if any.</summary>
    internal IReadOnlyList<SimContract> BuildContracts()
    {
        var others = OtherContracts.Count > 0 ? OtherContracts : ["CON.F.US.MES.H26"];
        var expired = ExpiredContracts.Count > 0 ? ExpiredContracts : ["CON.F.US.MGC.Z25"];
        return [SimContract.FromId(BarsContractId), .. others.Select(id => SimContract.FromId(id)), .. expired.Select(id => SimContract.FromId(id, active: false)),
            .. ProxyContractId is { } proxy ? [SimContract.FromId(proxy)] : Array.Empty<SimContract>()];
    }

    /// <summary>The fee schedule: configured values over the defaults.</summary>
    internal FeeSchedule BuildFees()
    {
        var fees = new Dictionary<string, decimal>(FeeSchedule.Default.FeesPerSide, StringComparer.OrdinalIgnoreCase);
        foreach (var kv in FeesPerSide) fees[kv.Key] = kv.Value;
        var commissions = new Dictionary<string, decimal>(FeeSchedule.Default.CommissionsPerSide, StringComparer.OrdinalIgnoreCase);
        foreach (var kv in CommissionsPerSide) commissions[kv.Key] = kv.Value;
        return new FeeSchedule(fees, commissions);
    }
}
