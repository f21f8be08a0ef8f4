namespace DynamoStreams.Emulator.Hosting;

/// <summary>
/// Configures an emulator instance started in-process with <see cref="DynamoEmulator.StartAsync"/>
/// or from the command line.
/// </summary>
public sealed class DynamoEmulatorOptions
{
    /// <summary>Gets the loopback port to bind; 0 (the default) picks a free port, published in <see cref="DynamoEmulator.Endpoint"/>.</summary>
    public int Port { get; init; }

    /// <summary>Gets the region used for requests that carry no SigV4 credential scope. Defaults to <c>us-east-1</c>.</summary>
    /// <remarks>Tables are scoped by region, which each request's credential scope selects; every access key shares them.</remarks>
    public string Region { get; init; } = "us-east-1";

    /// <summary>Gets the account id used in ARNs. Defaults to <c>000000000000</c>.</summary>
    public string AccountId { get; init; } = "000000000000";

    /// <summary>Gets the clock used for creation times, stream labels and every time-based rule. Defaults to the system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Gets the logger factory the server logs to, or <see langword="null"/> for no logging in-process.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>Gets the shape and lifetime of DynamoDB streams: shards per stream, rollover, retention, iterator lifetime.</summary>
    public Streams.StreamsOptions Streams { get; init; } = new();

    /// <summary>
    /// Gets how often expired items are deleted on tables with time to live enabled. Defaults to 5 seconds;
    /// DynamoDB itself deletes within days, so code must not rely on a prompt deletion either way.
    /// </summary>
    public TimeSpan TtlSweepInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Gets how long a table reports <c>CREATING</c> after CreateTable, <c>UPDATING</c> after UpdateTable and
    /// <c>DELETING</c> after DeleteTable, and a global secondary index added by UpdateTable reports <c>CREATING</c>.
    /// Defaults to 500 milliseconds. As in DynamoDB, data operations on a <c>CREATING</c> table fail with
    /// <c>ResourceNotFoundException</c>, so clients wait with DescribeTable until <c>ACTIVE</c> (the AWS SDKs'
    /// table-exists waiters do). The change itself applies at once; only the reported status waits, timed with
    /// <see cref="TimeProvider"/>. <see cref="TimeSpan.Zero"/> still answers <c>CREATING</c> to CreateTable but makes
    /// the table <c>ACTIVE</c> as soon as that answer is sent, for tests that use a table right after creating it.
    /// </summary>
    public TimeSpan TableStatusDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Gets a callback that adds services to the emulator after its own registrations, for in-process hosts that
    /// replace parts (the emulator's tests plug write-path observers in this way).
    /// </summary>
    public Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>
    /// Gets the directory where tables, items, streams, TTL settings, queues and durable keys are kept across
    /// restarts (write-ahead log with fsync and snapshots), or <see langword="null"/> (the default) to keep
    /// everything in memory only. The folder is created if missing; one emulator at a time may use it.
    /// </summary>
    public string? DataDirectory { get; init; }

    /// <summary>
    /// Gets the access keys (access key id → secret access key) whose SigV4 signatures the emulator verifies, or
    /// <see langword="null"/> (the default) to accept any credentials.
    /// </summary>
    /// <remarks>
    /// Every request must be signed in either mode: an unsigned one gets <c>MissingAuthenticationTokenException</c> and
    /// an incomplete signature <c>IncompleteSignatureException</c>, as from AWS. Setting this turns on strict
    /// authentication: a request signed with another access key id gets <c>UnrecognizedClientException</c>, and one
    /// whose signature does not match the secret (or the request) gets <c>InvalidSignatureException</c>. Both the
    /// <c>Authorization</c> header and query-string (pre-signed) forms are checked; the signing time is not. The data
    /// explorer page cannot sign, so it does not work in strict mode.
    /// </remarks>
    /// <example>
    /// <code>
    /// new DynamoEmulatorOptions { AccessKeys = new Dictionary&lt;string, string&gt; { ["AKIDLOCAL"] = "local-secret" } }
    /// </code>
    /// </example>
    public IReadOnlyDictionary<string, string>? AccessKeys { get; init; }

    /// <summary>Gets how often persistence checks whether the log should be compacted into a snapshot (tests shorten it).</summary>
    internal TimeSpan CompactionCheckInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets the smallest log size that triggers compaction (64 MB; tests lower it).</summary>
    internal long MinimumCompactionLogBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Checks the options and throws a message that names the option and the fix.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public void Validate()
    {
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentException($"DynamoEmulatorOptions.Port must be between 0 and 65535 (0 picks a free port); it was {Port}.", nameof(Port));
        }

        if (string.IsNullOrWhiteSpace(Region))
        {
            throw new ArgumentException("DynamoEmulatorOptions.Region must be a region name such as 'us-east-1'.", nameof(Region));
        }

        if (AccountId is null || AccountId.Length != 12 || !AccountId.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"DynamoEmulatorOptions.AccountId must be 12 digits such as '000000000000'; it was '{AccountId}'.", nameof(AccountId));
        }

        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        ArgumentNullException.ThrowIfNull(Streams, nameof(Streams));
        Streams.Validate();
        if (DataDirectory is not null && (DataDirectory.Length == 0 || DataDirectory.IndexOfAny(Path.GetInvalidPathChars()) >= 0))
        {
            throw new ArgumentException($"DynamoEmulatorOptions.DataDirectory must be a folder path such as './.emulator-data', or null to keep data in memory; it was '{DataDirectory}'.", nameof(DataDirectory));
        }

        if (AccessKeys is not null && (AccessKeys.Count == 0 || AccessKeys.Any(k => string.IsNullOrEmpty(k.Key) || string.IsNullOrEmpty(k.Value))))
        {
            throw new ArgumentException("DynamoEmulatorOptions.AccessKeys must map at least one non-empty access key id to a non-empty secret access key, or be null to accept any credentials.", nameof(AccessKeys));
        }

        if (TableStatusDelay < TimeSpan.Zero || TableStatusDelay > TimeSpan.FromMinutes(10))
        {
            throw new ArgumentException($"DynamoEmulatorOptions.TableStatusDelay must be between zero and 10 minutes, for example 500 milliseconds (zero makes tables ACTIVE at once); it was {TableStatusDelay}.", nameof(TableStatusDelay));
        }

        if (TtlSweepInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException($"DynamoEmulatorOptions.TtlSweepInterval must be positive, for example 5 seconds; it was {TtlSweepInterval}.", nameof(TtlSweepInterval));
        }
    }
}
