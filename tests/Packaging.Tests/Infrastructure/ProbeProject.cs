namespace Packaging.Tests.Infrastructure;

/// <summary>
/// Writes a small console project next to a consumer's AppHost that starts that AppHost with Aspire.Hosting.Testing (as
/// a user's own integration test would), writes items with the AWS SDK using the environment <c>WithReference</c> gives
/// a resource, and waits until the handler's log shows every one of them. It prints <c>PROBE OK</c> and exits with 0, or
/// says which records never arrived and exits with 1.
/// </summary>
internal static class ProbeProject
{
    public const string Success = "PROBE OK";

    /// <summary>Writes the probe into <paramref name="directory"/> for the AppHost project at <paramref name="appHostProject"/>.</summary>
    public static string Write(string directory, string appHostProject, string projectsClassName)
    {
        Directory.CreateDirectory(directory);
        var project = Path.Combine(directory, "Probe.csproj");
        File.WriteAllText(project, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Aspire.Hosting.Testing" Version="13.6.5" />
                <PackageReference Include="AWSSDK.DynamoDBv2" Version="4.1.0" />
              </ItemGroup>
              <ItemGroup>
                <ProjectReference Include="{Path.GetRelativePath(directory, appHostProject)}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), ProgramSource
            .Replace("APPHOST_PROJECTS_CLASS", projectsClassName, StringComparison.Ordinal)
            .Replace("PROBE_SUCCESS", Success, StringComparison.Ordinal));
        return project;
    }

    private const string ProgramSource = """
        using Amazon.DynamoDBv2;
        using Amazon.DynamoDBv2.Model;
        using Amazon.Runtime;
        using Aspire.Hosting;
        using Aspire.Hosting.ApplicationModel;
        using Aspire.Hosting.Testing;
        using Microsoft.Extensions.DependencyInjection;

        var pattern = args[0];
        var count = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));

        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.APPHOST_PROJECTS_CLASS>([], cts.Token);
        // A resource of the probe's own that references the pattern, as the user's writer does: its environment is what
        // WithReference gives any consumer.
        var client = builder.AddExecutable("probe-client", "sleep", Path.GetTempPath(), "infinity")
            .WithReference(builder.CreateResourceBuilder<DynamoStreamsLambdaResource>(pattern));
        await using var app = await builder.BuildAsync(cts.Token);
        var logs = app.Services.GetRequiredService<ResourceLoggerService>();
        await app.StartAsync(cts.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync(pattern, cts.Token);

        var environment = await client.Resource.GetEnvironmentVariableValuesAsync(DistributedApplicationOperation.Run);
        string Env(string name) => environment.TryGetValue(name, out var value)
            ? value
            : throw new InvalidOperationException($"WithReference gave no {name}; it gave {string.Join(", ", environment.Keys.Order())}.");
        using var dynamo = new AmazonDynamoDBClient(
            new BasicAWSCredentials(Env("AWS_ACCESS_KEY_ID"), Env("AWS_SECRET_ACCESS_KEY")),
            new AmazonDynamoDBConfig { ServiceURL = Env("AWS_ENDPOINT_URL_DYNAMODB"), AuthenticationRegion = Env("AWS_REGION") });
        var table = Env(DynamoStreamsConfigurationKeys.ToEnvironmentVariable(DynamoStreamsConfigurationKeys.TableName(pattern)));
        Console.WriteLine($"PROBE table {table} at {Env("AWS_ENDPOINT_URL_DYNAMODB")} ({Env("AWS_REGION")})");

        var run = Guid.NewGuid().ToString("N")[..8];
        var pending = new HashSet<string>(Enumerable.Range(1, count).Select(i => $"probe-{run}-{i:D3}"));
        var ids = pending.Order().ToList();
        // Ends when the handler's log has shown every id; cancelled by the probe's deadline.
        var allSeen = Task.Run(async () =>
        {
            // The resource, not its name: an executable's logs are kept under its DCP instance name.
            var function = app.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == $"{pattern}-function");
            await foreach (var batch in logs.WatchAsync(function).WithCancellation(cts.Token))
            {
                foreach (var line in batch)
                {
                    lock (pending)
                    {
                        pending.RemoveWhere(id => line.Content.Contains($"id={id} ", StringComparison.Ordinal));
                        if (pending.Count == 0)
                        {
                            return;
                        }
                    }
                }
            }
        });

        foreach (var id in ids)
        {
            await dynamo.PutItemAsync(new PutItemRequest
            {
                TableName = table,
                Item = new() { ["id"] = new() { S = id }, ["source"] = new() { S = "probe" } },
            }, cts.Token);
        }

        try
        {
            await allSeen;
        }
        catch (OperationCanceledException)
        {
            lock (pending)
            {
                Console.WriteLine($"PROBE FAILED: the handler's log never showed {pending.Count} of {count} records: {string.Join(", ", pending.Order())}");
            }

            return 1;
        }

        Console.WriteLine($"PROBE_SUCCESS {count} of {count} records reached {pattern}-function");
        await app.StopAsync(CancellationToken.None);
        return 0;
        """;
}
