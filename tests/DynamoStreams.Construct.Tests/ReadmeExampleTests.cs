using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.Lambda;
using DynamoStreams.Construct.Tests.Infrastructure;

namespace DynamoStreams.Construct.Tests;

public class ReadmeExampleTests
{
    [Fact]
    public void ReadmeExample_SeedPatternStack_SynthesisesThePattern()
    {
        // src/DynamoStreams.Construct/README.md "Use the construct in any CDK app": the same stack class, verbatim
        var app = Stacks.NewApp();
        var stack = new SeedPatternStack(app, "SeedPatternStack", Stacks.NodeHandlerDirectory);
        var template = Template.FromStack(stack);
        template.ResourceCountIs("AWS::Lambda::EventSourceMapping", 1);
        template.HasProperties("AWS::Lambda::Function", """{ "Runtime": "nodejs22.x", "Handler": "index.handler" }""");
        template.HasOutput("StreamArn", new Dictionary<string, object>());
    }

    private sealed class SeedPatternStack : Stack
    {
        public SeedPatternStack(Constructs.Construct scope, string id, string codeFolder)
            : base(scope, id)
        {
            var pattern = new DynamoDBStreamsToLambda(this, "test-dynamodbstreams-lambda", new DynamoDBStreamsToLambdaProps
            {
                LambdaFunctionProps = new FunctionProps
                {
                    Code = Code.FromAsset(codeFolder),
                    Runtime = Runtime.NODEJS_22_X,
                    Handler = "index.handler",
                },
            });

            _ = new CfnOutput(this, "StreamArn", new CfnOutputProps { Value = pattern.DynamoTableInterface.TableStreamArn! });
            _ = new CfnOutput(this, "DeadLetterQueueUrl", new CfnOutputProps { Value = pattern.SqsDlqQueue!.QueueUrl });
        }
    }
}
