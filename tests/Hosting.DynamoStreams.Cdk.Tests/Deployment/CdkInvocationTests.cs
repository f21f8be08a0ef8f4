using Aspire.Hosting.DynamoStreams.Cdk.Deployment;

namespace Hosting.DynamoStreams.Cdk.Tests.Deployment;

public sealed class CdkInvocationTests
{
    // issue 8 (deploy): cdk deploy --app <assembly> --require-approval never --outputs-file <file> --progress events <stack>
    [Fact]
    public void Deploy_DefaultProfile_BuildsTheExactArgumentList()
    {
        var context = new CdkRunContext("/w/orders.cdk.out", ["orders"], Profile: null, Region: null);

        var arguments = CdkInvocation.Deploy(context, "/w/orders.outputs.json");

        Assert.Equal(
            ["deploy", "--app", "/w/orders.cdk.out", "--require-approval", "never", "--outputs-file", "/w/orders.outputs.json", "--progress", "events", "orders"],
            arguments);
    }

    // issue 8 (deploy): the profile goes to --profile, every selected stack is named
    [Fact]
    public void Deploy_ProfileAndTwoStacks_AddsProfileThenStacks()
    {
        var context = new CdkRunContext("asm", ["orders", "audit"], Profile: "dev", Region: "eu-west-1");

        var arguments = CdkInvocation.Deploy(context, "out.json");

        Assert.Equal(
            ["deploy", "--app", "asm", "--require-approval", "never", "--outputs-file", "out.json", "--progress", "events", "--profile", "dev", "orders", "audit"],
            arguments);
    }

    // issue 8 (deploy): cdk destroy --app <assembly> --force [--profile p] <stack>
    [Fact]
    public void Destroy_WithProfile_BuildsForceDestroyOfTheStack()
    {
        var context = new CdkRunContext("asm", ["orders"], Profile: "prod", Region: null);

        Assert.Equal(["destroy", "--app", "asm", "--force", "--profile", "prod", "orders"], CdkInvocation.Destroy(context));
    }

    // issue 8 (deploy): the region reaches the CLI through AWS_REGION and CDK_DEFAULT_REGION, with no colour codes
    [Fact]
    public void Environment_Region_SetsRegionVariablesAndNoColour()
    {
        var environment = CdkInvocation.Environment(new CdkRunContext("asm", ["orders"], null, "ap-southeast-2"));

        Assert.Equal("ap-southeast-2", environment["AWS_REGION"]);
        Assert.Equal("ap-southeast-2", environment["AWS_DEFAULT_REGION"]);
        Assert.Equal("ap-southeast-2", environment["CDK_DEFAULT_REGION"]);
        Assert.Equal("0", environment["FORCE_COLOR"]);
    }

    // issue 8 (deploy): without a configured region the CLI's own resolution (profile, AWS_REGION) is left alone
    [Fact]
    public void Environment_NoRegion_SetsNoRegionVariable()
    {
        var environment = CdkInvocation.Environment(new CdkRunContext("asm", ["orders"], null, null));

        Assert.False(environment.ContainsKey("AWS_REGION"));
        Assert.False(environment.ContainsKey("CDK_DEFAULT_REGION"));
    }
}
