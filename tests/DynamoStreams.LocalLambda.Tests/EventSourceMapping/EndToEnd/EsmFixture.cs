using System.Reflection;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using DynamoStreams.Emulator.Hosting;
using DynamoStreams.Emulator.Streams;
using DynamoStreams.LocalLambda.EventSourceMapping.Checkpoints;
using DynamoStreams.LocalLambda.EventSourceMapping.Configuration;
using DynamoStreams.LocalLambda.EventSourceMapping.Destinations;
using DynamoStreams.LocalLambda.EventSourceMapping.Engine;
using DynamoStreams.LocalLambda.EventSourceMapping.Invocation;
using DynamoStreams.LocalLambda.EventSourceMapping.StreamSources.InProcess;
using DynamoStreams.LocalLambda.Processes;
using DynamoStreams.LocalLambda.RuntimeApi;
using DynamoStreams.LocalLambda.Tests.EventSourceMapping.RealHandler;

namespace DynamoStreams.LocalLambda.Tests.EventSourceMapping.EndToEnd;

/// <summary>One in-process emulator and one Runtime API host (real Kestrel, port 0) shared by a test class.</summary>
public class EsmFixture : IAsyncLifetime
{
    private readonly StreamsOptions _streams;
    private int _counter;

    /// <summary>Initializes a fixture whose emulator and engines use the system clock.</summary>
    public EsmFixture()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Initializes a fixture whose emulator (record times) and engines (age, windows) share a clock.</summary>
    protected EsmFixture(TimeProvider clock)
        : this(clock, new StreamsOptions())
    {
    }

    /// <summary>Initializes a fixture whose emulator shapes its streams with <paramref name="streams"/> (shards, rollover).</summary>
    protected EsmFixture(TimeProvider clock, StreamsOptions streams)
    {
        Clock = clock;
        _streams = streams;
    }

    /// <summary>Gets the clock of the emulator and of the engines this fixture creates.</summary>
    public TimeProvider Clock { get; }

    public DynamoEmulator Emulator { get; private set; } = null!;

    public LambdaRuntimeApiHost Host { get; private set; } = null!;

    public AmazonDynamoDBClient Dynamo { get; private set; } = null!;

    public static string HandlerDirectory => Path.Combine(AppContext.BaseDirectory, "TestFunctions", "esm");

    /// <summary>Gets the build output of the typed .NET stream handler (tests/TestFunctions/esm/EsmStreamFunction).</summary>
    public static string DotNetHandlerPath { get; } = Path.GetFullPath(
        typeof(EsmFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "EsmStreamFunctionPath").Value!
            .Replace('\\', Path.DirectorySeparatorChar));

    public async Task InitializeAsync()
    {
        Emulator = await DynamoEmulator.StartAsync(new DynamoEmulatorOptions { TableStatusDelay = TimeSpan.Zero, TimeProvider = Clock, Streams = _streams });
        Host = await LambdaRuntimeApiHost.StartAsync(new LambdaRuntimeApiHostOptions(), null, CancellationToken.None);
        Dynamo = new AmazonDynamoDBClient(
            new BasicAWSCredentials("local", "local"),
            new AmazonDynamoDBConfig { ServiceURL = Emulator.Endpoint.ToString(), AuthenticationRegion = "us-east-1" });
    }

    public async Task DisposeAsync()
    {
        Dynamo.Dispose();
        await Host.DisposeAsync();
        await Emulator.DisposeAsync();
    }

    public string NewName(string prefix) => $"{prefix}-{Interlocked.Increment(ref _counter)}";

    /// <summary>Creates a table keyed by <c>pk</c> with a NEW_AND_OLD_IMAGES stream and returns its stream ARN.</summary>
    public async Task<(string Table, string StreamArn)> CreateTableAsync(string prefix)
    {
        var table = NewName(prefix);
        var response = await Dynamo.CreateTableAsync(new CreateTableRequest
        {
            TableName = table,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
            StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.NEW_AND_OLD_IMAGES },
        });
        return (table, response.TableDescription.LatestStreamArn);
    }

    /// <summary>Registers the Node stream handler under a new name; its invocations are logged to a file.</summary>
    /// <remarks>
    /// The 30 s default timeout is far above what the handler needs: a timeout that kills the process before it logs
    /// would lose an invocation from the log on a loaded machine. Tests of timeouts pass their own.
    /// </remarks>
    public Task<HandlerLog> RegisterHandlerAsync(
        string prefix, int timeoutSeconds = 30, int concurrency = 1, TimeSpan? throttleTimeout = null, IReadOnlyDictionary<string, string>? environment = null) =>
        RegisterAsync(prefix, new NodeFunctionRunner(HandlerDirectory), timeoutSeconds, concurrency, throttleTimeout, environment);

    /// <summary>Registers the typed .NET stream handler (it binds every batch to <c>DynamoDBEvent</c>) under a new name.</summary>
    public Task<HandlerLog> RegisterDotNetHandlerAsync(string prefix, int concurrency = 1) =>
        RegisterAsync(prefix, new DotNetExecutableRunner(DotNetHandlerPath), timeoutSeconds: 10, concurrency, throttleTimeout: null, environment: null);

    private async Task<HandlerLog> RegisterAsync(
        string prefix, IFunctionProcessRunner runner, int timeoutSeconds, int concurrency, TimeSpan? throttleTimeout, IReadOnlyDictionary<string, string>? environment)
    {
        var name = NewName(prefix);
        var folder = Directory.CreateTempSubdirectory("esm-e2e-").FullName;
        var function = new HandlerLog(name, Path.Combine(folder, "invocations.jsonl"), Path.Combine(folder, "exited"));
        var variables = new Dictionary<string, string>
        {
            ["ESM_RECORD_FILE"] = function.RecordFile,
            ["ESM_EXIT_FILE"] = function.ExitFile,
            ["ESM_INFLIGHT_FILE"] = Path.Combine(folder, "in-flight"),
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            variables[key] = value;
        }

        await Host.RegisterFunctionAsync(
            new LambdaFunctionOptions
            {
                Name = name,
                Timeout = TimeSpan.FromSeconds(timeoutSeconds),
                Concurrency = concurrency,
                ThrottleTimeout = throttleTimeout ?? TimeSpan.FromSeconds(10),
                Environment = variables,
            },
            runner,
            CancellationToken.None);
        return function;
    }

    public Task PutAsync(string table, string key, int n, string? action = null)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            ["pk"] = new AttributeValue { S = key },
            ["n"] = new AttributeValue { N = n.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        if (action is not null)
        {
            item["action"] = new AttributeValue { S = action };
        }

        return Dynamo.PutItemAsync(new PutItemRequest { TableName = table, Item = item });
    }

    public EventSourceMappingEngine CreateEngine(ICheckpointStore? checkpoints = null, EventSourceMappingEngineOptions? options = null) =>
        new(
            new EmulatorStreamSource(Emulator.Streams),
            new RuntimeApiFunctionInvoker(Host),
            checkpoints ?? new InMemoryCheckpointStore(),
            new EmulatorQueueDestination(Emulator.Queues),
            options ?? new EventSourceMappingEngineOptions { RetryBackoff = _ => TimeSpan.Zero, TimeProvider = Clock });

    public static EventSourceMappingOptions Mapping(string streamArn, HandlerLog function, Action<EventSourceMappingOptions>? configure = null)
    {
        var options = new EventSourceMappingOptions
        {
            EventSourceArn = streamArn,
            FunctionName = function.Name,
            StartingPosition = "TRIM_HORIZON",
        };
        configure?.Invoke(options);
        return options;
    }
}
