using Amazon.CDK;

namespace DynamoStreams.Construct.Defaults;

/// <summary>
/// Marks the pattern's deliberate choices for the cfn_nag and cfn-guard template scanners, on the same resources and
/// with the same rule ids as the Solutions Construct, and for cdk-nag's AwsSolutions pack (metadata <c>cdk_nag</c>, which
/// cdk-nag reads from a synthesised or included template), so a scan of the template reports only the user's own findings.
/// </summary>
internal static class ScannerSuppressions
{
    /// <summary>Suppresses cfn_nag rules on the CloudFormation resource behind <paramref name="construct"/>.</summary>
    /// <param name="construct">A resource construct (its default child is used) or a CloudFormation resource.</param>
    /// <param name="rules">Pairs of rule id and the reason the pattern accepts it.</param>
    public static void AddCfnNag(Constructs.IConstruct construct, params (string Id, string Reason)[] rules)
    {
        var resource = AsCfnResource(construct);
        var entries = rules
            .Select(r => (object)new Dictionary<string, object> { ["id"] = r.Id, ["reason"] = r.Reason })
            .ToArray();
        resource.AddMetadata("cfn_nag", new Dictionary<string, object> { ["rules_to_suppress"] = entries });
    }

    /// <summary>Suppresses cdk-nag rules on the CloudFormation resource behind <paramref name="construct"/>.</summary>
    /// <param name="construct">A resource construct (its default child is used) or a CloudFormation resource.</param>
    /// <param name="rules">The rule id, the reason, and the findings it covers (cdk-nag's <c>applies_to</c>; all when empty).</param>
    public static void AddCdkNag(Constructs.IConstruct construct, params (string Id, string Reason, string[] AppliesTo)[] rules)
    {
        var entries = rules.Select(r =>
        {
            var entry = new Dictionary<string, object> { ["id"] = r.Id, ["reason"] = r.Reason };
            if (r.AppliesTo.Length > 0)
            {
                entry["applies_to"] = r.AppliesTo;
            }

            return (object)entry;
        }).ToArray();
        AsCfnResource(construct).AddMetadata("cdk_nag", new Dictionary<string, object> { ["rules_to_suppress"] = entries });
    }

    /// <summary>Suppresses cfn-guard rules on the CloudFormation resource behind <paramref name="construct"/>.</summary>
    public static void AddGuard(Constructs.IConstruct construct, params string[] ruleIds) =>
        AsCfnResource(construct).AddMetadata("guard", new Dictionary<string, object> { ["SuppressedRules"] = ruleIds });

    private static CfnResource AsCfnResource(Constructs.IConstruct construct) =>
        construct as CfnResource
        ?? construct.Node.DefaultChild as CfnResource
        ?? throw new InvalidOperationException($"{construct.Node.Path} has no CloudFormation resource to annotate.");
}
