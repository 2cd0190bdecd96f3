using Microsoft.Extensions.Logging;

namespace GoldBot.TopstepX.Auth;

/// <summary>
/// Owns the gateway session token (§2): logs in with the API key, reads the JWT <c>exp</c>, refreshes
/// through Auth/validate once less than the effective refresh margin remains, and logs in again when the
/// token has expired, validate fails, or the gateway answered HTTP 401. The effective margin is
/// min(refresh margin, half the token's lifetime measured from when it was obtained): a token that lives
/// shorter than twice the margin is refreshed halfway through its life, not on every request. One refresh
/// at a time; callers arriving meanwhile wait for it and share its result. Tokens are never logged.
/// </summary>
/// <remarks>
/// Whether Auth/validate accepts an already-expired token is UNCONFIRMED (§2.2, §14): the safe reading
/// used here is to validate only while the token is still valid and to log in again otherwise. A token
/// whose <c>exp</c> cannot be read is given the documented 24 h lifetime from the moment it was received.
/// </remarks>
public sealed class TokenProvider : ITokenSource, IDisposable
{
    private static readonly TimeSpan DocumentedLifetime = TimeSpan.FromHours(24);

    private readonly Func<CancellationToken, Task<string>> _login;
    private readonly Func<string, CancellationToken, Task<string?>> _validate;
    private readonly TimeProvider _time;
    private readonly TimeSpan _refreshMargin;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Session? _session;

    /// <summary>Creates the provider over the two gateway calls it needs.</summary>
    /// <param name="login">Calls Auth/loginKey and returns the new token; throws when login fails.</param>
    /// <param name="validate">Calls Auth/validate with the given token and returns the new token, or null when refused.</param>
    /// <param name="time">Clock used to judge expiry.</param>
    /// <param name="refreshMargin">Refresh when less than this remains before <c>exp</c> (at most half the token's lifetime is used).</param>
    /// <param name="logger">Logger (never receives a token).</param>
    public TokenProvider(
        Func<CancellationToken, Task<string>> login,
        Func<string, CancellationToken, Task<string?>> validate,
        TimeProvider time,
        TimeSpan refreshMargin,
        ILogger logger)
    {
        _login = login ?? throw new ArgumentNullException(nameof(login));
        _validate = validate ?? throw new ArgumentNullException(nameof(validate));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _refreshMargin = refreshMargin;
    }

    /// <summary>Expiry (UTC) of the token in hand, or null before the first login.</summary>
    public DateTimeOffset? ExpiresAt => _session?.ExpiresAt;

    /// <inheritdoc />
    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        var session = _session;
        if (session is not null && _time.GetUtcNow() < session.RefreshAt)
            return session.Token;

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            session = _session;
            var now = _time.GetUtcNow();
            if (session is not null && now < session.RefreshAt)
                return session.Token;
            if (session is not null && now < session.ExpiresAt)
            {
                var refreshed = await TryValidateAsync(session.Token, cancellationToken).ConfigureAwait(false);
                if (refreshed is not null)
                    return Store(refreshed, "validate").Token;
            }
            return Store(await _login(cancellationToken).ConfigureAwait(false), "login").Token;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask<string> RenewAfterRejectionAsync(string rejectedToken, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var session = _session;
            if (session is not null && !string.Equals(session.Token, rejectedToken, StringComparison.Ordinal))
                return session.Token;
            _logger.LogWarning("Gateway rejected the session token (HTTP 401); logging in again");
            return Store(await _login(cancellationToken).ConfigureAwait(false), "re-login after 401").Token;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private async Task<string?> TryValidateAsync(string token, CancellationToken cancellationToken)
    {
        try
        {
            return await _validate(token, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is Rest.GatewayException or Rest.GatewayUnavailableException or HttpRequestException)
        {
            _logger.LogWarning("Token refresh through Auth/validate failed ({Reason}); logging in again", ex.Message);
            return null;
        }
    }

    private Session Store(string token, string how)
    {
        var now = _time.GetUtcNow();
        var expiresAt = JwtExpiry.Read(token) ?? now + DocumentedLifetime;
        var halfLife = (expiresAt - now) / 2;
        var margin = halfLife < _refreshMargin ? halfLife : _refreshMargin;
        var session = new Session(token, expiresAt, expiresAt - (margin > TimeSpan.Zero ? margin : TimeSpan.Zero));
        _session = session;
        _logger.LogInformation("Gateway session token obtained by {How}; expires {ExpiresAt:O}", how, expiresAt);
        return session;
    }

    /// <param name="RefreshAt">From this time (UTC) on, the token is refreshed before use: exp minus the effective margin.</param>
    private sealed record Session(string Token, DateTimeOffset ExpiresAt, DateTimeOffset RefreshAt)
    {
        public override string ToString() => $"Session {{ ExpiresAt = {ExpiresAt:O}, RefreshAt = {RefreshAt:O} }}";
    }
}
