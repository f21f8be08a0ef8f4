using DynamoStreams.Tests.Shared;

namespace Hosting.DynamoStreams.Cdk.Tests.Infrastructure;

/// <summary>The checker findings the generated stacks keep, each with why; anything else fails the checker tests.</summary>
internal static class KeptFindings
{
    public static readonly IReadOnlyDictionary<string, string> CfnLintWarnings = new Dictionary<string, string>
    {
        // CDK's Function writes DependsOn on its role and the role's default policy so the policy exists before the
        // function is created; for the role the GetAtt already orders it. CDK's output, not a choice of ours.
        ["W3005"] = "DependsOn on the role beside its GetAtt",

        // A consumer of a shared table (WithExistingTable(otherPattern)) outputs the owner's table name, ARN and stream
        // ARN like every pattern does, so a referencing project reads the same outputs whichever pattern it references;
        // those values are imports from the owner's stack.
        ["W6001"] = "a shared table's outputs in the consumer's stack",
    };

    /// <summary>cdk-nag findings kept: none. Every suppression is metadata in the template, with its reason.</summary>
    public static readonly IReadOnlyDictionary<string, string> NagFindings = new Dictionary<string, string>();

    /// <summary>Fails with every finding that is an error or not in <paramref name="kept"/>.</summary>
    public static void AssertOnlyKept(IEnumerable<TemplateFinding> findings, IReadOnlyDictionary<string, string> kept)
    {
        var unexplained = findings.Where(f => f.Level.Equals("error", StringComparison.OrdinalIgnoreCase) || !kept.ContainsKey(f.Rule)).ToList();
        Assert.True(unexplained.Count == 0, string.Join('\n', unexplained));
    }
}
