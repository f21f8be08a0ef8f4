namespace DynamoStreams.Emulator.Sqs;

/// <summary>
/// Creates the SQS errors with the shapes, query codes, statuses and messages of the real service.
/// </summary>
internal static class SqsErrors
{
    /// <summary>Creates the error for a queue that does not exist.</summary>
    public static SqsException QueueDoesNotExist() =>
        new("QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue", 400, "The specified queue does not exist.");

    /// <summary>Creates the error for a queue name already used with different attributes.</summary>
    public static SqsException QueueNameExists(string attribute) =>
        new("QueueNameExists", "QueueAlreadyExists", 400,
            $"A queue already exists with the same name and a different value for attribute {attribute}");

    /// <summary>Creates the error for re-creating a queue within 60 seconds of deleting it.</summary>
    public static SqsException QueueDeletedRecently() =>
        new("QueueDeletedRecently", "AWS.SimpleQueueService.QueueDeletedRecently", 400,
            "You must wait 60 seconds after deleting a queue before you can create another queue with the same name.");

    /// <summary>Creates the error for a second purge within 60 seconds.</summary>
    public static SqsException PurgeQueueInProgress(string queueName) =>
        new("PurgeQueueInProgress", "AWS.SimpleQueueService.PurgeQueueInProgress", 403,
            $"Only one PurgeQueue operation on {queueName} is allowed every 60 seconds.");

    /// <summary>Creates the error for a receipt handle this emulator never issued.</summary>
    public static SqsException ReceiptHandleIsInvalid(string handle) =>
        new("ReceiptHandleIsInvalid", "ReceiptHandleIsInvalid", 404,
            $"The input receipt handle \"{handle}\" is not a valid receipt handle.");

    /// <summary>Creates the error for changing the visibility of a message that is not in flight.</summary>
    public static SqsException MessageNotInflight() =>
        new("MessageNotInflight", "AWS.SimpleQueueService.MessageNotInflight", 400, "Message does not exist or is not available for visibility timeout change.");

    /// <summary>Creates the error for an unknown queue attribute name.</summary>
    public static SqsException InvalidAttributeName(string name) =>
        new("InvalidAttributeName", "InvalidAttributeName", 400, $"Unknown Attribute {name}.");

    /// <summary>Creates the error for a queue attribute value out of range or malformed.</summary>
    public static SqsException InvalidAttributeValue(string name, string reason) =>
        new("InvalidAttributeValue", "InvalidAttributeValue", 400, $"Invalid value for the parameter {name}. Reason: {reason}");

    /// <summary>Creates the error for a request parameter with an invalid value.</summary>
    public static SqsException InvalidParameterValue(string message) =>
        new("InvalidParameterValueException", "InvalidParameterValue", 400, message);

    /// <summary>Creates the error for a missing required parameter.</summary>
    public static SqsException MissingParameter(string name) =>
        new("MissingRequiredParameterException", "MissingParameter", 400, $"The request must contain the parameter {name}.");

    /// <summary>Creates the error for a message body with characters SQS does not allow.</summary>
    public static SqsException InvalidMessageContents() =>
        new("InvalidMessageContents", "InvalidMessageContents", 400,
            "Invalid characters found. Valid unicode characters are #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF");

    /// <summary>Creates SQS's HTTP 500 for an unexpected failure (the AWS common error <c>InternalFailure</c>).</summary>
    public static SqsException InternalFailure(string message) =>
        new("InternalFailure", "InternalFailure", 500, "The request processing has failed because of an unknown error, exception or failure: " + message, senderFault: false);

    /// <summary>Creates the error for a batch request without entries.</summary>
    public static SqsException EmptyBatchRequest() =>
        new("EmptyBatchRequest", "AWS.SimpleQueueService.EmptyBatchRequest", 400, "There should be at least one SendMessageBatchRequestEntry in the request.");

    /// <summary>Creates the error for a batch request with more than ten entries.</summary>
    public static SqsException TooManyEntriesInBatchRequest(int count) =>
        new("TooManyEntriesInBatchRequest", "AWS.SimpleQueueService.TooManyEntriesInBatchRequest", 400,
            $"Maximum number of entries per request are 10. You have sent {count}.");

    /// <summary>Creates the error for batch entries sharing an id.</summary>
    public static SqsException BatchEntryIdsNotDistinct(string id) =>
        new("BatchEntryIdsNotDistinct", "AWS.SimpleQueueService.BatchEntryIdsNotDistinct", 400, $"Id {id} repeated.");

    /// <summary>Creates the error for a batch entry id with characters SQS does not allow.</summary>
    public static SqsException InvalidBatchEntryId(string id) =>
        new("InvalidBatchEntryId", "AWS.SimpleQueueService.InvalidBatchEntryId", 400,
            $"A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long. Invalid id: {id}");

    /// <summary>Creates the error for a batch whose messages together exceed the size limit.</summary>
    public static SqsException BatchRequestTooLong(int limit) =>
        new("BatchRequestTooLong", "AWS.SimpleQueueService.BatchRequestTooLong", 400,
            $"Batch requests cannot be longer than {limit} bytes.");

    /// <summary>Creates the error for an operation this emulator does not implement.</summary>
    public static SqsException UnsupportedOperation(string message) =>
        new("UnsupportedOperation", "AWS.SimpleQueueService.UnsupportedOperation", 400, message);

    /// <summary>Creates the error for an unknown <c>AmazonSQS.*</c> target.</summary>
    public static SqsException InvalidAction(string operation) =>
        new("InvalidAction", "InvalidAction", 400, $"The action {operation} is not valid for this endpoint.");

    /// <summary>Creates the error for a request body that is not the expected JSON.</summary>
    public static SqsException MalformedRequest(string detail) =>
        new("InvalidParameterValueException", "InvalidParameterValue", 400, $"The request body is not valid JSON for this operation: {detail}");
}
