using Amazon.CDK.Assertions;

namespace DynamoStreams.Construct.Tests.Infrastructure;

/// <summary>Shortcuts over <see cref="Template"/> for the resources the pattern creates.</summary>
internal static class TemplateExtensions
{
    public static void HasProperties(this Template template, string type, string json) =>
        template.HasResourceProperties(type, Json.Parse(json));

    public static void HasResourceJson(this Template template, string type, string json) =>
        template.HasResource(type, Json.Parse(json));

    /// <summary>Asserts that an IAM policy of the template holds the statement <paramref name="statementJson"/> (among others).</summary>
    public static void HasPolicyStatement(this Template template, string statementJson) =>
        template.HasResourceProperties("AWS::IAM::Policy", new Dictionary<string, object>
        {
            ["PolicyDocument"] = new Dictionary<string, object>
            {
                ["Statement"] = Match.ArrayWith([Match.ObjectEquals(Json.Parse(statementJson))]),
            },
        });

    /// <summary>Returns the properties of the only resource of <paramref name="type"/>.</summary>
    public static IDictionary<string, object> SingleProperties(this Template template, string type)
    {
        var resources = template.FindResources(type);
        Assert.Single(resources);
        var resource = resources.Values.Single();
        return (IDictionary<string, object>)resource["Properties"];
    }

    /// <summary>Returns the statements of the function role's default policy, serialised for exact comparison.</summary>
    public static string DefaultPolicyStatements(this Template template)
    {
        var properties = template.SingleProperties("AWS::IAM::Policy");
        var document = (IDictionary<string, object>)properties["PolicyDocument"];
        return Json.Serialize(document["Statement"]);
    }
}
