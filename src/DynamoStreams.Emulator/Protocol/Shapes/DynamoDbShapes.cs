using System.Collections.Frozen;

namespace DynamoStreams.Emulator.Protocol.Shapes;

/// <summary>
/// The input shapes of DynamoDB's operations, as far as the deserializer checks them: member names, wire
/// types and the model's structure names (which appear in its messages).
/// </summary>
internal static class DynamoDbShapes
{
    private static readonly FrozenDictionary<string, Shape> s_inputs = Build();

    /// <summary>Returns the input structure of an operation, or <see langword="null"/> when it has none here.</summary>
    /// <param name="operation">The operation name, for example <c>PutItem</c>.</param>
    /// <returns>The input structure.</returns>
    public static Shape? InputOf(string operation) => s_inputs.GetValueOrDefault(operation);

    private static FrozenDictionary<string, Shape> Build()
    {
        var s = Shape.String;
        var flag = Shape.Boolean;
        var strings = Shape.ListOf(s);
        var names = Shape.MapOf(s);

        var value = Shape.Structure("AttributeValue");
        var item = Shape.MapOf(value);
        value.With(("S", s), ("N", s), ("B", Shape.Blob), ("SS", strings), ("NS", strings), ("BS", Shape.ListOf(Shape.Blob)),
            ("M", item), ("L", Shape.ListOf(value)), ("NULL", flag), ("BOOL", flag));
        var values = Shape.ListOf(value);

        var condition = Shape.Structure("Condition").With(("AttributeValueList", values), ("ComparisonOperator", s));
        var conditions = Shape.MapOf(condition);
        var expected = Shape.MapOf(Shape.Structure("ExpectedAttributeValue").With(
            ("Value", value), ("Exists", flag), ("ComparisonOperator", s), ("AttributeValueList", values)));
        var updates = Shape.MapOf(Shape.Structure("AttributeValueUpdate").With(("Value", value), ("Action", s)));

        var keySchema = Shape.ListOf(Shape.Structure("KeySchemaElement").With(("AttributeName", s), ("KeyType", s)));
        var definitions = Shape.ListOf(Shape.Structure("AttributeDefinition").With(("AttributeName", s), ("AttributeType", s)));
        var projection = Shape.Structure("Projection").With(("ProjectionType", s), ("NonKeyAttributes", strings));
        var throughput = Shape.Structure("ProvisionedThroughput").With(("ReadCapacityUnits", Shape.Long), ("WriteCapacityUnits", Shape.Long));
        var onDemand = Shape.Structure("OnDemandThroughput").With(("MaxReadRequestUnits", Shape.Long), ("MaxWriteRequestUnits", Shape.Long));
        var warm = Shape.Structure("WarmThroughput").With(("ReadUnitsPerSecond", Shape.Long), ("WriteUnitsPerSecond", Shape.Long));
        var stream = Shape.Structure("StreamSpecification").With(("StreamEnabled", flag), ("StreamViewType", s));
        var sse = Shape.Structure("SSESpecification").With(("Enabled", flag), ("SSEType", s), ("KMSMasterKeyId", s));
        var tags = Shape.ListOf(Shape.Structure("Tag").With(("Key", s), ("Value", s)));
        var localIndexes = Shape.ListOf(Shape.Structure("LocalSecondaryIndex").With(
            ("IndexName", s), ("KeySchema", keySchema), ("Projection", projection)));
        var globalIndexes = Shape.ListOf(Shape.Structure("GlobalSecondaryIndex").With(
            ("IndexName", s), ("KeySchema", keySchema), ("Projection", projection), ("ProvisionedThroughput", throughput),
            ("OnDemandThroughput", onDemand), ("WarmThroughput", warm)));
        var indexUpdates = Shape.ListOf(Shape.Structure("GlobalSecondaryIndexUpdate").With(
            ("Update", Shape.Structure("UpdateGlobalSecondaryIndexAction").With(
                ("IndexName", s), ("ProvisionedThroughput", throughput), ("OnDemandThroughput", onDemand), ("WarmThroughput", warm))),
            ("Create", Shape.Structure("CreateGlobalSecondaryIndexAction").With(
                ("IndexName", s), ("KeySchema", keySchema), ("Projection", projection), ("ProvisionedThroughput", throughput),
                ("OnDemandThroughput", onDemand), ("WarmThroughput", warm))),
            ("Delete", Shape.Structure("DeleteGlobalSecondaryIndexAction").With(("IndexName", s)))));

        (string, Shape) table = ("TableName", s);
        (string, Shape) capacity = ("ReturnConsumedCapacity", s);
        (string, Shape) metrics = ("ReturnItemCollectionMetrics", s);
        (string, Shape) attributeNames = ("ExpressionAttributeNames", names);
        (string, Shape) attributeValues = ("ExpressionAttributeValues", item);
        (string, Shape) onConditionFailure = ("ReturnValuesOnConditionCheckFailure", s);

        var keysAndAttributes = Shape.Structure("KeysAndAttributes").With(("Keys", Shape.ListOf(item)), ("AttributesToGet", strings),
            ("ConsistentRead", flag), ("ProjectionExpression", s), attributeNames);
        var writeRequest = Shape.Structure("WriteRequest").With(
            ("PutRequest", Shape.Structure("PutRequest").With(("Item", item))),
            ("DeleteRequest", Shape.Structure("DeleteRequest").With(("Key", item))));
        var transactGet = Shape.Structure("TransactGetItem").With(("Get", Shape.Structure("Get").With(
            ("Key", item), table, ("ProjectionExpression", s), attributeNames)));
        var transactWrite = Shape.Structure("TransactWriteItem").With(
            ("ConditionCheck", Shape.Structure("ConditionCheck").With(
                ("Key", item), table, ("ConditionExpression", s), attributeNames, attributeValues, onConditionFailure)),
            ("Put", Shape.Structure("Put").With(
                ("Item", item), table, ("ConditionExpression", s), attributeNames, attributeValues, onConditionFailure)),
            ("Delete", Shape.Structure("Delete").With(
                ("Key", item), table, ("ConditionExpression", s), attributeNames, attributeValues, onConditionFailure)),
            ("Update", Shape.Structure("Update").With(("Key", item), ("UpdateExpression", s), table, ("ConditionExpression", s),
                attributeNames, attributeValues, onConditionFailure)));

        Shape Input(params (string, Shape)[] members) => Shape.Structure("Input").With(members);

        return new Dictionary<string, Shape>(StringComparer.Ordinal)
        {
            ["BatchGetItem"] = Input(("RequestItems", Shape.MapOf(keysAndAttributes)), capacity),
            ["BatchWriteItem"] = Input(("RequestItems", Shape.MapOf(Shape.ListOf(writeRequest))), capacity, metrics),
            ["CreateTable"] = Input(("AttributeDefinitions", definitions), table, ("KeySchema", keySchema),
                ("LocalSecondaryIndexes", localIndexes), ("GlobalSecondaryIndexes", globalIndexes), ("BillingMode", s),
                ("ProvisionedThroughput", throughput), ("StreamSpecification", stream), ("SSESpecification", sse), ("Tags", tags),
                ("TableClass", s), ("DeletionProtectionEnabled", flag), ("ResourcePolicy", s), ("OnDemandThroughput", onDemand),
                ("WarmThroughput", warm)),
            ["DeleteItem"] = Input(table, ("Key", item), ("Expected", expected), ("ConditionalOperator", s), ("ReturnValues", s),
                capacity, metrics, ("ConditionExpression", s), attributeNames, attributeValues, onConditionFailure),
            ["DeleteTable"] = Input(table),
            ["DescribeTable"] = Input(table),
            ["DescribeTimeToLive"] = Input(table),
            ["DescribeContinuousBackups"] = Input(table),
            ["GetItem"] = Input(table, ("Key", item), ("AttributesToGet", strings), ("ConsistentRead", flag), capacity,
                ("ProjectionExpression", s), attributeNames),
            ["ListTables"] = Input(("ExclusiveStartTableName", s), ("Limit", Shape.Integer)),
            ["ListTagsOfResource"] = Input(("ResourceArn", s), ("NextToken", s)),
            ["PutItem"] = Input(table, ("Item", item), ("Expected", expected), ("ReturnValues", s), capacity, metrics,
                ("ConditionalOperator", s), ("ConditionExpression", s), attributeNames, attributeValues, onConditionFailure),
            ["Query"] = Input(table, ("IndexName", s), ("Select", s), ("AttributesToGet", strings), ("Limit", Shape.Integer),
                ("ConsistentRead", flag), ("KeyConditions", conditions), ("QueryFilter", conditions), ("ConditionalOperator", s),
                ("ScanIndexForward", flag), ("ExclusiveStartKey", item), capacity, ("ProjectionExpression", s),
                ("FilterExpression", s), ("KeyConditionExpression", s), attributeNames, attributeValues),
            ["Scan"] = Input(table, ("IndexName", s), ("AttributesToGet", strings), ("Limit", Shape.Integer), ("Select", s),
                ("ScanFilter", conditions), ("ConditionalOperator", s), ("ExclusiveStartKey", item), capacity,
                ("TotalSegments", Shape.Integer), ("Segment", Shape.Integer), ("ProjectionExpression", s), ("FilterExpression", s),
                attributeNames, attributeValues, ("ConsistentRead", flag)),
            ["TagResource"] = Input(("ResourceArn", s), ("Tags", tags)),
            ["UntagResource"] = Input(("ResourceArn", s), ("TagKeys", strings)),
            ["TransactGetItems"] = Input(("TransactItems", Shape.ListOf(transactGet)), capacity),
            ["TransactWriteItems"] = Input(("TransactItems", Shape.ListOf(transactWrite)), capacity, metrics, ("ClientRequestToken", s)),
            ["UpdateContinuousBackups"] = Input(table, ("PointInTimeRecoverySpecification", Shape.Structure("PointInTimeRecoverySpecification")
                .With(("PointInTimeRecoveryEnabled", flag), ("RecoveryPeriodInDays", Shape.Integer)))),
            ["UpdateItem"] = Input(table, ("Key", item), ("AttributeUpdates", updates), ("Expected", expected),
                ("ConditionalOperator", s), ("ReturnValues", s), capacity, metrics, ("UpdateExpression", s), ("ConditionExpression", s),
                attributeNames, attributeValues, onConditionFailure),
            ["UpdateTable"] = Input(("AttributeDefinitions", definitions), table, ("BillingMode", s), ("ProvisionedThroughput", throughput),
                ("GlobalSecondaryIndexUpdates", indexUpdates), ("StreamSpecification", stream), ("SSESpecification", sse),
                ("TableClass", s), ("DeletionProtectionEnabled", flag), ("OnDemandThroughput", onDemand), ("WarmThroughput", warm)),
            ["UpdateTimeToLive"] = Input(table, ("TimeToLiveSpecification", Shape.Structure("TimeToLiveSpecification")
                .With(("Enabled", flag), ("AttributeName", s)))),
        }.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
