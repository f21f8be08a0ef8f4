namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// Lists the instruction sets a function runs on in AWS (CDK's <c>Architecture</c>). Cloud-only.
/// </summary>
public enum LambdaArchitecture
{
    /// <summary>x86-64 (the default).</summary>
    X86_64,

    /// <summary>arm64 (Graviton).</summary>
    Arm64,
}
