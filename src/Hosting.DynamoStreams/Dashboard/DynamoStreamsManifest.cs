using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Publishing;

namespace Aspire.Hosting.DynamoStreams.Dashboard;

/// <summary>
/// Writes the pattern's manifest entry; run-only parts (emulator, runtime host, table, mapping, queue) are excluded.
/// </summary>
internal static class DynamoStreamsManifest
{
    /// <summary>
    /// Writes the pattern entry: its type and what the cloud stack is built from.
    /// </summary>
    /// <param name="context">The manifest context.</param>
    /// <param name="pattern">The pattern.</param>
    public static void Write(ManifestPublishingContext context, DynamoStreamsLambdaResource pattern)
    {
        var writer = context.Writer;
        writer.WriteString("type", "aws.dynamostreams.lambda.v0");
        writer.WriteString("handlerKind", pattern.Handler.Kind.ToString());
        if (pattern.Handler.ProjectPath is { } project)
        {
            writer.WriteString("project", context.GetManifestRelativePath(project));
        }

        if (pattern.Handler.CodePath is { } code)
        {
            writer.WriteString("code", context.GetManifestRelativePath(code));
        }

        if (pattern.Handler.FunctionNameOrArn is { } function)
        {
            writer.WriteString("existingFunction", function);
        }

        writer.WriteBoolean("deploySqsDlqQueue", pattern.DeploySqsDlqQueue);
    }
}
