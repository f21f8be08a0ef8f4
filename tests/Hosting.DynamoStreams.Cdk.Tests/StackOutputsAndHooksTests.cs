using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Aspire.Hosting;
using Aspire.Hosting.DynamoStreams.Cdk;
using static Hosting.DynamoStreams.Cdk.Tests.Infrastructure.Declarations;

namespace Hosting.DynamoStreams.Cdk.Tests;

/// <summary>The generated stack's outputs, its configure hooks, and the errors for what the declaration cannot give.</summary>
public sealed class StackOutputsAndHooksTests
{
    // issue 8 "What to build": outputs for table name and ARN, stream ARN, function name and ARN, DLQ URL and ARN.
    [Fact]
    public void DefaultDeclaration_Generated_OutputsReferenceTheConstructResources()
    {
        var stack = Generate(DotNetPattern(NewAppHost()));
        var table = LogicalId(stack.Pattern.DynamoTable!);
        var function = LogicalId(stack.Pattern.LambdaFunction);
        var queue = LogicalId(stack.Pattern.SqsDlqQueue!);

        var outputs = Outputs(stack);

        Assert.Equal($$"""{"Ref":"{{table}}"}""", outputs[DynamoStreamsStack.TableNameOutput]!["Value"]!.ToJsonString());
        Assert.Equal($$"""{"Fn::GetAtt":["{{table}}","Arn"]}""", outputs[DynamoStreamsStack.TableArnOutput]!["Value"]!.ToJsonString());
        Assert.Equal($$"""{"Fn::GetAtt":["{{table}}","StreamArn"]}""", outputs[DynamoStreamsStack.StreamArnOutput]!["Value"]!.ToJsonString());
        Assert.Equal($$"""{"Ref":"{{function}}"}""", outputs[DynamoStreamsStack.FunctionNameOutput]!["Value"]!.ToJsonString());
        Assert.Equal($$"""{"Fn::GetAtt":["{{function}}","Arn"]}""", outputs[DynamoStreamsStack.FunctionArnOutput]!["Value"]!.ToJsonString());
        Assert.Equal($$"""{"Ref":"{{queue}}"}""", outputs[DynamoStreamsStack.DeadLetterQueueUrlOutput]!["Value"]!.ToJsonString());
        Assert.Equal($$"""{"Fn::GetAtt":["{{queue}}","Arn"]}""", outputs[DynamoStreamsStack.DeadLetterQueueArnOutput]!["Value"]!.ToJsonString());
        Assert.Equal(7, outputs.Count);
    }

    // issue 8 "What to build": a hook edits the construct props and the stack for what the options do not cover.
    [Fact]
    public void ConfigureHooks_Generated_EditPropsBeforeAndStackAfterTheConstruct()
    {
        var pattern = DotNetPattern(NewAppHost())
            .ConfigureCdkProps((props, _) => ((FunctionProps)props.LambdaFunctionProps!).LoggingFormat = LoggingFormat.JSON)
            .ConfigureCdkStack(stack => Tags.Of(stack.Pattern.LambdaFunction).Add("team", "orders"));

        var template = TemplateWithoutOutputs(Generate(pattern));

        Assert.Contains("\"LogFormat\": \"JSON\"", template, StringComparison.Ordinal);
        Assert.Contains("\"Key\": \"team\"", template, StringComparison.Ordinal);
    }

    // Every bad input gets a clear error: a .NET handler needs its publish folder, an existing function its role,
    // and unlimited retries (-1, outside CDK's range) reach the mapping through an override.
    [Fact]
    public void MissingHandlerCodeAndUnlimitedRetries_Generated_ClearErrorAndMinusOneOverride()
    {
        var appHost = NewAppHost();
        var dotnet = DotNetPattern(appHost).WithEventSource(e =>
        {
            e.RetryAttempts = null;
            e.MaxRecordAge = null;
        });
        var existing = appHost.AddDynamoStreamsLambda("existing", Aspire.Hosting.ApplicationModel.LambdaHandler.FromExistingFunction("orders-handler"));

        var noCode = Assert.Throws<InvalidOperationException>(() => DynamoStreamsStackBuilder.Build(Path.GetTempPath(), dotnet.Resource));
        var noRole = Assert.Throws<InvalidOperationException>(() => DynamoStreamsStackBuilder.Build(Path.GetTempPath(), existing.Resource));
        var template = TemplateWithoutOutputs(Generate(dotnet));

        Assert.Contains("HandlerCodeDirectory", noCode.Message, StringComparison.Ordinal);
        Assert.Contains("ExistingFunctionRoleArn", noRole.Message, StringComparison.Ordinal);
        Assert.Contains("\"MaximumRetryAttempts\": -1", template, StringComparison.Ordinal);
        Assert.Contains("\"MaximumRecordAgeInSeconds\": -1", template, StringComparison.Ordinal);
    }
}
