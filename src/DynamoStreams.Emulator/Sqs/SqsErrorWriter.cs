using System.Text.Json;
using DynamoStreams.Emulator.Protocol.Errors;

namespace DynamoStreams.Emulator.Sqs;

/// <summary>
/// Writes SQS errors: the JSON body plus the <c>x-amzn-query-error</c> header the .NET SDK reads its
/// <c>ErrorCode</c> from.
/// </summary>
internal sealed class SqsErrorWriter : IAwsErrorWriter
{
    /// <inheritdoc/>
    public void WriteError(AwsServiceException error, IHeaderDictionary headers, Utf8JsonWriter body)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(headers);
        if (error is SqsException sqsError)
        {
            headers["x-amzn-query-error"] = sqsError.QueryErrorHeader;
        }

        AwsJsonErrorWriter.Instance.WriteError(error, headers, body);
    }
}
