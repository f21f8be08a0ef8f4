using System.Text.Json;

namespace DynamoStreams.Emulator.Protocol.Errors;

/// <summary>
/// Writes an error the way one AWS service shapes it (body members, extra headers such as SQS's
/// <c>x-amzn-query-error</c>).
/// </summary>
internal interface IAwsErrorWriter
{
    /// <summary>Writes the error's headers and JSON body; the status code is set by the caller.</summary>
    /// <param name="error">The error to write.</param>
    /// <param name="headers">The response headers, for service-specific error headers.</param>
    /// <param name="body">The JSON writer of the response body.</param>
    void WriteError(AwsServiceException error, IHeaderDictionary headers, Utf8JsonWriter body);
}
