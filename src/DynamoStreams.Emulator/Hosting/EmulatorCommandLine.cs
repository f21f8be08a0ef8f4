using System.Globalization;

namespace DynamoStreams.Emulator.Hosting;

/// <summary>
/// Parses the standalone command line (<c>--port</c>, <c>--region</c>, <c>--account-id</c>, <c>--data-dir</c>,
/// <c>--strict-auth</c>, <c>--table-status-delay-ms</c>, <c>--help</c>)
/// into <see cref="DynamoEmulatorOptions"/>.
/// </summary>
internal static class EmulatorCommandLine
{
    /// <summary>The text printed by <c>--help</c>.</summary>
    public const string Usage = """
        DynamoStreams.Emulator: DynamoDB (JSON 1.0 protocol) on loopback, for any AWS SDK or tool.

        Usage:
          dotnet run --project src/DynamoStreams.Emulator -- [options]

        Options:
          --port <n>          Loopback port to listen on (default 8000; 0 picks a free port).
          --region <name>     Region for requests that carry no SigV4 credential scope (default us-east-1).
          --account-id <id>   12-digit account id used in ARNs (default 000000000000).
          --data-dir <path>   Keep tables, streams, TTL settings and queues in this folder across restarts
                              (write-ahead log with fsync; default: in memory only). One emulator
                              per folder: a second one exits with code 3 and names the holder.
          --strict-auth <key-id>:<secret>
                              Verify SigV4 signatures: only requests signed with this access key id and
                              secret access key are served (repeat the option for more keys); others get
                              UnrecognizedClientException or InvalidSignatureException. Default: any
                              credentials are accepted (requests must still be signed).
          --table-status-delay-ms <n>
                              How long a table reports CREATING, UPDATING or DELETING, and an index added
                              by UpdateTable reports CREATING, in milliseconds (default 500; 0 makes
                              tables ACTIVE as soon as CreateTable answers). Data operations on a CREATING
                              table fail with ResourceNotFoundException, as in DynamoDB.
          --help              Print this text and exit.

        Point a client at it with endpoint http://localhost:<port> and any credentials, for example
          AWS_ENDPOINT_URL_DYNAMODB=http://localhost:8000 AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=x
        """;

    /// <summary>Parses the arguments.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="options">The parsed options, when the emulator should start.</param>
    /// <param name="error">A message naming the bad argument and the fix, when parsing failed.</param>
    /// <returns><see langword="true"/> to start, <see langword="false"/> when help was asked for or an error occurred.</returns>
    public static bool TryParse(IReadOnlyList<string> args, out DynamoEmulatorOptions? options, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        options = null;
        error = null;
        var port = 8000;
        var region = "us-east-1";
        var accountId = "000000000000";
        string? dataDirectory = null;
        Dictionary<string, string>? accessKeys = null;
        var tableStatusDelay = new DynamoEmulatorOptions().TableStatusDelay;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--help" or "-h" or "-?":
                    return false;
                case "--port":
                    if (!TryValue(args, ref i, out var portText) || !int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535)
                    {
                        error = $"--port needs a number between 0 and 65535, for example --port 8000; got '{portText}'.";
                        return false;
                    }

                    break;
                case "--region":
                    if (!TryValue(args, ref i, out var regionText) || string.IsNullOrWhiteSpace(regionText))
                    {
                        error = "--region needs a region name, for example --region us-east-1.";
                        return false;
                    }

                    region = regionText;
                    break;
                case "--account-id":
                    if (!TryValue(args, ref i, out var account) || account.Length != 12 || !account.All(char.IsAsciiDigit))
                    {
                        error = $"--account-id needs 12 digits, for example --account-id 000000000000; got '{account}'.";
                        return false;
                    }

                    accountId = account;
                    break;
                case "--data-dir":
                    if (!TryValue(args, ref i, out var directory) || string.IsNullOrWhiteSpace(directory))
                    {
                        error = "--data-dir needs a folder path, for example --data-dir ./.emulator-data.";
                        return false;
                    }

                    dataDirectory = directory;
                    break;
                case "--strict-auth":
                    var colon = TryValue(args, ref i, out var key) ? key.IndexOf(':', StringComparison.Ordinal) : -1;
                    if (colon <= 0 || colon == key.Length - 1)
                    {
                        error = "--strict-auth needs an access key id and its secret access key separated by a colon, for example --strict-auth AKIDLOCAL:local-secret.";
                        return false;
                    }

                    accessKeys ??= new Dictionary<string, string>(StringComparer.Ordinal);
                    accessKeys[key[..colon]] = key[(colon + 1)..];
                    break;
                case "--table-status-delay-ms":
                    if (!TryValue(args, ref i, out var delayText) || !int.TryParse(delayText, NumberStyles.None, CultureInfo.InvariantCulture, out var delayMs) || delayMs > 600_000)
                    {
                        error = $"--table-status-delay-ms needs a number of milliseconds between 0 and 600000, for example --table-status-delay-ms 500; got '{delayText}'.";
                        return false;
                    }

                    tableStatusDelay = TimeSpan.FromMilliseconds(delayMs);
                    break;
                default:
                    error = $"Unknown argument '{arg}'. Run with --help to list the options.";
                    return false;
            }
        }

        options = new DynamoEmulatorOptions
        {
            Port = port,
            Region = region,
            AccountId = accountId,
            DataDirectory = dataDirectory,
            AccessKeys = accessKeys,
            TableStatusDelay = tableStatusDelay,
        };
        return true;
    }

    private static bool TryValue(IReadOnlyList<string> args, ref int i, out string value)
    {
        if (i + 1 < args.Count)
        {
            value = args[++i];
            return true;
        }

        value = string.Empty;
        return false;
    }
}
