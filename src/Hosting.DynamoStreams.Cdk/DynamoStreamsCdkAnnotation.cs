using Amazon.CDK;
using Aspire.Hosting.ApplicationModel;
using DynamoStreams.Construct;

namespace Aspire.Hosting.DynamoStreams.Cdk;

/// <summary>
/// Carries a hook that edits the generated stack for what the declaration's options do not cover: the construct props
/// before the construct is created, and the stack after.
/// </summary>
/// <param name="ConfigureProps">Edits the construct props built from the declaration; may be null.</param>
/// <param name="ConfigureStack">Edits the stack once the construct and outputs exist; may be null.</param>
public sealed record DynamoStreamsCdkAnnotation(
    Action<DynamoDBStreamsToLambdaProps, Stack>? ConfigureProps,
    Action<DynamoStreamsStack>? ConfigureStack) : IResourceAnnotation;
