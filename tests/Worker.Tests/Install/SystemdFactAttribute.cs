namespace Worker.Tests.Install;

/// <summary>A test that needs systemd-analyze (Debian package systemd); skipped, saying so, where it is not installed.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SystemdFactAttribute : FactAttribute
{
    public const string Tool = "/usr/bin/systemd-analyze";

    public SystemdFactAttribute()
    {
        if (!File.Exists(Tool))
        {
            Skip = $"{Tool} is not installed (apt-get install systemd): the unit file is not verified on this machine.";
        }
    }
}
