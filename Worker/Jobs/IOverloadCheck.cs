namespace Worker.Jobs;

/// <summary>
/// Looks for teams and agents that are (or are about to be) overloaded and mails an alert only when a
/// flag is new or worse than last time. The overload job is scheduled only when an implementation is registered.
/// </summary>
public interface IOverloadCheck
{
    Task RunAsync(CancellationToken cancellationToken);
}
