namespace GoldBot.TopstepX.Realtime;

/// <summary>A user-hub entity with the <c>action</c> of its <c>{action, data}</c> wrapper (null when sent bare).</summary>
/// <typeparam name="T">Entity type.</typeparam>
/// <param name="Action">Wrapper action (seen live: 0 new, 1 update, 2 closed/removed; meaning UNCONFIRMED).</param>
/// <param name="Data">The entity.</param>
public readonly record struct UserHubMessage<T>(int? Action, T Data);
