using System.ComponentModel.DataAnnotations;

namespace GoldBot.TopstepX;

/// <summary>
/// Connection settings of the ProjectX Gateway (TopstepX) client. Defaults are the public TopstepX
/// hosts and the documented rate limits with a safety margin (<c>research/topstepx-api.md</c> §1, §8.3).
/// <see cref="ToString"/> never shows <see cref="ApiKey"/>; tokens are never part of the options.
/// </summary>
public sealed record TopstepXOptions : IValidatableObject
{
    /// <summary>REST base address; endpoint paths (<c>/api/...</c>) are appended to it.</summary>
    [Required]
    public Uri ApiBaseUrl { get; init; } = new("https://api.topstepx.com");

    /// <summary>Market hub address (SignalR, WebSockets only); the client appends <c>?access_token=</c> at every connect.</summary>
    [Required]
    public Uri MarketHubUrl { get; init; } = new("https://rtc.topstepx.com/hubs/market");

    /// <summary>User hub address (SignalR, WebSockets only); the client appends <c>?access_token=</c> at every connect.</summary>
    [Required]
    public Uri UserHubUrl { get; init; } = new("https://rtc.topstepx.com/hubs/user");

    /// <summary>Platform login user name (not the e-mail, not an account id; §2.1).</summary>
    [Required(AllowEmptyStrings = false)]
    public string UserName { get; init; } = "";

    /// <summary>API key from the ProjectX dashboard. Secret: never logged, never shown by <see cref="ToString"/>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string ApiKey { get; init; } = "";

    /// <summary>Account to trade, pinned by id (§4: names are free text); null until chosen.</summary>
    public long? AccountId { get; init; }

    /// <summary>Time allowed for one HTTP attempt before it counts as a timeout.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Requests allowed per <see cref="RequestWindow"/> across all endpoints (gateway limit 200 / 60 s; §8.3).</summary>
    [Range(1, 199)]
    public int RequestsPerWindow { get; init; } = 180;

    /// <summary>Sliding window of <see cref="RequestsPerWindow"/>.</summary>
    public TimeSpan RequestWindow { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>History/retrieveBars requests allowed per <see cref="BarsWindow"/> (gateway limit 30 or 50 / 30 s; §8.3).</summary>
    [Range(1, 29)]
    public int BarsRequestsPerWindow { get; init; } = 25;

    /// <summary>Sliding window of <see cref="BarsRequestsPerWindow"/>.</summary>
    public TimeSpan BarsWindow { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Segments each sliding window is cut into (finer = smoother release, more timer ticks).</summary>
    [Range(1, 600)]
    public int WindowSegments { get; init; } = 6;

    /// <summary>Retries of an idempotent request after HTTP 429, 5xx or a timeout.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; init; } = 4;

    /// <summary>First backoff delay of a retry (exponential with jitter); a Retry-After header overrides it.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Refresh the session token when less than this remains before its JWT <c>exp</c> (§2.2 recommends 60 min); for a
    /// token that lives less than twice this long, half its lifetime (from when it was obtained) is used instead.
    /// </summary>
    public TimeSpan TokenRefreshMargin { get; init; } = TimeSpan.FromMinutes(60);

    /// <summary>How far back Order/search and Trade/search look when finding an order by its tag and when reconciling fills.</summary>
    public TimeSpan OrderReconcileLookback { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Delays between hub connect attempts, after a lost connection and after a failed start alike; the last one repeats
    /// forever (project-x-py uses 1, 3, 5 s). Waited on the hubs' injected TimeProvider.
    /// </summary>
    public IReadOnlyList<TimeSpan> ReconnectDelays { get; init; } =
        [TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5)];

    /// <summary>Hub keep-alive ping interval (§9.3 suggests 10–15 s).</summary>
    public TimeSpan HubKeepAliveInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Hub connection counts as dead after this long without a server message (§9.3 suggests 30–60 s).</summary>
    public TimeSpan HubServerTimeout { get; init; } = TimeSpan.FromSeconds(40);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RequestTimeout <= TimeSpan.Zero)
            yield return new ValidationResult("must be positive", [nameof(RequestTimeout)]);
        if (RequestWindow <= TimeSpan.Zero)
            yield return new ValidationResult("must be positive", [nameof(RequestWindow)]);
        if (BarsWindow <= TimeSpan.Zero)
            yield return new ValidationResult("must be positive", [nameof(BarsWindow)]);
        if (TokenRefreshMargin < TimeSpan.Zero || TokenRefreshMargin >= TimeSpan.FromHours(24))
            yield return new ValidationResult("must be between 0 and 24 h (tokens live 24 h)", [nameof(TokenRefreshMargin)]);
        if (ReconnectDelays.Count == 0 || ReconnectDelays.Any(d => d < TimeSpan.Zero))
            yield return new ValidationResult("needs at least one non-negative delay", [nameof(ReconnectDelays)]);
        if (HubServerTimeout <= HubKeepAliveInterval)
            yield return new ValidationResult("must exceed HubKeepAliveInterval", [nameof(HubServerTimeout)]);
        if (AccountId is <= 0)
            yield return new ValidationResult("must be a positive account id", [nameof(AccountId)]);
    }

    /// <summary>Lists every violated rule at once ("Key: rule"); empty when the options are valid.</summary>
    public IReadOnlyList<string> Errors()
    {
        var context = new ValidationContext(this);
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(this, context, results, validateAllProperties: true);
        // The validator skips Validate() once an attribute fails; run it anyway so every problem shows.
        var lines = results.Select(Line).ToList();
        lines.AddRange(Validate(context).Select(Line).Where(l => !lines.Contains(l)));
        return lines;

        static string Line(ValidationResult r) => $"{string.Join(",", r.MemberNames)}: {r.ErrorMessage}";
    }

    /// <summary>Settings without secrets: the API key shows only whether it is set.</summary>
    public override string ToString() =>
        $"TopstepXOptions {{ ApiBaseUrl = {ApiBaseUrl}, MarketHubUrl = {MarketHubUrl}, UserHubUrl = {UserHubUrl}, " +
        $"UserName = {UserName}, ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "<unset>" : "<redacted>")}, AccountId = {AccountId}, " +
        $"RequestTimeout = {RequestTimeout}, Limits = {RequestsPerWindow}/{RequestWindow} bars {BarsRequestsPerWindow}/{BarsWindow} }}";
}
