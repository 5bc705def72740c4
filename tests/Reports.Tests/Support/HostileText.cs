namespace Reports.Tests.Support;

/// <summary>Text that tries to break rendering or become markup.</summary>
internal static class HostileText
{
    public const string Script = "<script>alert('x')</script><b onmouseover=\"steal()\">Team</b> & \"Co\"";
    public const string RightToLeft = "فريق الدعم שלום צוות";
    public const string Emoji = "Support 🎉👩🏽‍💻🧑‍🔧";
    public const string Controls = "Bell\u0007 null\u0000 escape\u001b[31m red";

    public static readonly string Long = string.Concat(Enumerable.Repeat("Averyveryverylongwordwithoutspaces", 150));
}
