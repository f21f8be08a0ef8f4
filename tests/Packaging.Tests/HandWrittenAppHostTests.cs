using Packaging.Tests.Infrastructure;

namespace Packaging.Tests;

/// <summary>
/// issue 14: an AppHost a user writes by hand, adding only the packages (no template, no repository), with a Node.js
/// handler: the Node runtime shim ships inside DynamoStreams.LocalLambda and every record reaches the handler.
/// </summary>
[Collection(ConsumerCollection.Name)]
public sealed class HandWrittenAppHostTests(ConsumerFixture consumer)
{
    private const int Records = 12;

    [Fact]
    public async Task HandWrittenAppHost_NodeHandler_RunsAndTheHandlerGetsEveryRecord()
    {
        var directory = Path.Combine(consumer.WorkDirectory, "HandWritten", "HandWritten.AppHost");
        Directory.CreateDirectory(Path.Combine(directory, "audit"));
        var project = Path.Combine(directory, "HandWritten.AppHost.csproj");
        await File.WriteAllTextAsync(project, $"""
            <Project Sdk="Aspire.AppHost.Sdk/13.6.4">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Aspire.Hosting.AppHost" Version="13.6.5" />
                <PackageReference Include="DynamoStreams.Aspire.Hosting" Version="{consumer.Version}" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(directory, "AppHost.cs"), """
            var builder = DistributedApplication.CreateBuilder(args);
            builder.AddDynamoStreamsLambda("audit", LambdaHandler.FromNodeCode("audit"))
                .WithEventSource(e => e.BatchSize = 5);
            builder.Build().Run();
            """);
        await File.WriteAllTextAsync(Path.Combine(directory, "audit", "index.js"), """
            exports.handler = async (event) => {
              for (const record of event.Records) {
                console.log(`${record.eventName} id=${record.dynamodb.Keys.id.S} seq=${record.dynamodb.SequenceNumber}`);
              }
              return {};
            };
            """);

        var probe = ProbeProject.Write(Path.Combine(consumer.WorkDirectory, "HandWrittenProbe"), project, "HandWritten_AppHost");
        var run = await consumer.DotnetAsync(["run", "--project", probe, "--", "audit", $"{Records}"], consumer.WorkDirectory, TimeSpan.FromMinutes(8));

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains($"{ProbeProject.Success} {Records} of {Records} records reached audit-function", run.Output);
    }
}
