using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DynamoStreams.Lambda;

/// <summary>
/// Writes log lines to standard output (up to <see cref="LambdaLogLevel.Information"/>) and standard error (warnings
/// and errors), tagged with the current request id, as text (<c>timestamp\trequestId\tLEVEL\tmessage</c>) or as JSON.
/// </summary>
internal sealed class LambdaLogger : ILambdaLogger
{
    private static readonly JsonWriterOptions s_jsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly TextWriter _out;
    private readonly TextWriter _error;
    private readonly LambdaLogLevel _minimum;
    private readonly bool _json;
    private readonly TimeProvider _time;
    private volatile string _requestId = string.Empty;

    public LambdaLogger(TextWriter output, TextWriter error, LambdaLogLevel minimum, bool json, TimeProvider time)
    {
        _out = output;
        _error = error;
        _minimum = minimum;
        _json = json;
        _time = time;
    }

    /// <summary>Sets the request id that subsequent lines carry; Lambda's runtimes tag lines the same way.</summary>
    public void SetRequestId(string requestId) => _requestId = requestId;

    public bool IsEnabled(LambdaLogLevel level) => level >= _minimum;

    public void LogLine(string message) => Log(LambdaLogLevel.Information, message);

    public void Log(LambdaLogLevel level, string message)
    {
        if (!IsEnabled(level))
        {
            return;
        }

        var line = _json ? FormatJson(level, message) : FormatText(level, message);
        (level >= LambdaLogLevel.Warning ? _error : _out).WriteLine(line);
    }

    private static string LevelName(LambdaLogLevel level) => level switch
    {
        LambdaLogLevel.Trace => "TRACE",
        LambdaLogLevel.Debug => "DEBUG",
        LambdaLogLevel.Information => "INFO",
        LambdaLogLevel.Warning => "WARN",
        LambdaLogLevel.Error => "ERROR",
        _ => "FATAL",
    };

    private string Timestamp() => _time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private string FormatText(LambdaLogLevel level, string message) =>
        string.Concat(Timestamp(), "\t", _requestId, "\t", LevelName(level), "\t", message);

    private string FormatJson(LambdaLogLevel level, string message)
    {
        var buffer = new ArrayBufferWriter<byte>(128 + message.Length);
        using (var writer = new Utf8JsonWriter(buffer, s_jsonOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("timestamp", Timestamp());
            writer.WriteString("level", LevelName(level));
            writer.WriteString("requestId", _requestId);
            writer.WriteString("message", message);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
