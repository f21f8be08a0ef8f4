using System.Collections.Frozen;

namespace DynamoStreams.Emulator.Protocol.Shapes;

/// <summary>
/// The input shapes of DynamoDB's operations: member names, wire types and the model's structure names (which
/// appear in the deserializer's messages), and for the item and table operations the constraints of the AWS
/// model that the request validator checks (required members, lengths, patterns, enums, ranges). Query and Scan
/// declare no constraints here: their operations check them in DynamoDB's order themselves.
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

        // The constrained members of the item and table operations (AWS model, DynamoDB 2012-08-10).
        var tableName = Shape.Text(ShapeConstraints.TableName);
        var controlTableName = Shape.Text(new ShapeConstraints
        {
            MinLength = 3, MaxLength = 255, NameCharacters = true, AcceptsTableArn = true, ReportedAsParameter = true,
        });
        var indexName = Shape.Text(ShapeConstraints.IndexName);
        var keyName = Shape.Text(new ShapeConstraints { MinLength = 1, MaxLength = 255 });
        var attributesToGet = Shape.ListOf(s, new ShapeConstraints { MinLength = 1 });
        var comparison = Shape.OneOf("EQ", "NE", "IN", "LE", "LT", "GE", "GT", "BETWEEN", "NOT_NULL", "NULL", "CONTAINS", "NOT_CONTAINS", "BEGINS_WITH");
        var returnValues = Shape.OneOf("ALL_NEW", "UPDATED_OLD", "ALL_OLD", "NONE", "UPDATED_NEW");
        var capacity = ("ReturnConsumedCapacity", Shape.OneOf("INDEXES", "TOTAL", "NONE"));
        var metrics = ("ReturnItemCollectionMetrics", Shape.OneOf("SIZE", "NONE"));
        var conditionalOperator = ("ConditionalOperator", Shape.OneOf("AND", "OR"));
        var onConditionFailure = ("ReturnValuesOnConditionCheckFailure", Shape.OneOf("ALL_OLD", "NONE"));
        var billingMode = ("BillingMode", Shape.OneOf("PROVISIONED", "PAY_PER_REQUEST"));
        var tableClass = ("TableClass", Shape.OneOf("STANDARD", "STANDARD_INFREQUENT_ACCESS"));

        var condition = Shape.Structure("Condition").With(("AttributeValueList", values), ("ComparisonOperator", s));
        var conditions = Shape.MapOf(condition);
        var expected = Shape.MapOf(Shape.Structure("ExpectedAttributeValue").With(
            ("Value", value), ("Exists", flag), ("ComparisonOperator", comparison), ("AttributeValueList", values)));
        var updates = Shape.MapOf(Shape.Structure("AttributeValueUpdate").With(("Value", value), ("Action", Shape.OneOf("ADD", "PUT", "DELETE"))));

        var keySchema = Shape.ListOf(
            Shape.Structure("KeySchemaElement").With(("AttributeName", keyName), ("KeyType", Shape.OneOf("HASH", "RANGE")))
                .Require("AttributeName", "KeyType"),
            new ShapeConstraints { MinLength = 1, MaxLength = 2 });
        var definitions = Shape.ListOf(Shape.Structure("AttributeDefinition")
            .With(("AttributeName", keyName), ("AttributeType", Shape.OneOf("B", "N", "S"))).Require("AttributeName", "AttributeType"));
        var projection = Shape.Structure("Projection").With(
            ("ProjectionType", Shape.OneOf("ALL", "INCLUDE", "KEYS_ONLY")),
            ("NonKeyAttributes", Shape.ListOf(keyName, new ShapeConstraints { MinLength = 1, MaxLength = 20 })));
        var units = Shape.Number(ShapeKind.Long, 1);
        var throughput = Shape.Structure("ProvisionedThroughput").With(("ReadCapacityUnits", units), ("WriteCapacityUnits", units))
            .Require("ReadCapacityUnits", "WriteCapacityUnits");
        var onDemand = Shape.Structure("OnDemandThroughput").With(("MaxReadRequestUnits", Shape.Long), ("MaxWriteRequestUnits", Shape.Long));
        var warm = Shape.Structure("WarmThroughput").With(("ReadUnitsPerSecond", Shape.Long), ("WriteUnitsPerSecond", Shape.Long));
        var stream = Shape.Structure("StreamSpecification").With(("StreamEnabled", flag),
            ("StreamViewType", Shape.OneOf("KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"))).Require("StreamEnabled");
        var sse = Shape.Structure("SSESpecification").With(("Enabled", flag), ("SSEType", s), ("KMSMasterKeyId", s));
        var tags = Shape.ListOf(Shape.Structure("Tag").With(("Key", s), ("Value", s)));
        var localIndexes = Shape.ListOf(Shape.Structure("LocalSecondaryIndex").With(
            ("IndexName", indexName), ("KeySchema", keySchema), ("Projection", projection)).Require("IndexName", "KeySchema", "Projection"));
        var globalIndexes = Shape.ListOf(Shape.Structure("GlobalSecondaryIndex").With(
            ("IndexName", indexName), ("KeySchema", keySchema), ("Projection", projection), ("ProvisionedThroughput", throughput),
            ("OnDemandThroughput", onDemand), ("WarmThroughput", warm)).Require("IndexName", "KeySchema", "Projection"));
        var indexUpdates = Shape.ListOf(Shape.Structure("GlobalSecondaryIndexUpdate").With(
            ("Update", Shape.Structure("UpdateGlobalSecondaryIndexAction").With(
                ("IndexName", indexName), ("ProvisionedThroughput", throughput), ("OnDemandThroughput", onDemand), ("WarmThroughput", warm))
                .Require("IndexName", "ProvisionedThroughput")),
            ("Create", Shape.Structure("CreateGlobalSecondaryIndexAction").With(
                ("IndexName", indexName), ("KeySchema", keySchema), ("Projection", projection), ("ProvisionedThroughput", throughput),
                ("OnDemandThroughput", onDemand), ("WarmThroughput", warm)).Require("IndexName", "KeySchema", "Projection")),
            ("Delete", Shape.Structure("DeleteGlobalSecondaryIndexAction").With(("IndexName", indexName)).Require("IndexName"))));

        (string, Shape) table = ("TableName", tableName);

        // Query, Scan and the transactions: types only (their operations check constraints in DynamoDB's order themselves).
        (string, Shape) plainTable = ("TableName", s);
        (string, Shape) plainCapacity = ("ReturnConsumedCapacity", s);
        (string, Shape) attributeNames = ("ExpressionAttributeNames", names);
        (string, Shape) attributeValues = ("ExpressionAttributeValues", item);

        var keysAndAttributes = Shape.Structure("KeysAndAttributes").With(
            ("Keys", Shape.ListOf(item, new ShapeConstraints { MinLength = 1, MaxLength = 100 })), ("AttributesToGet", attributesToGet),
            ("ConsistentRead", flag), ("ProjectionExpression", s), attributeNames).Require("Keys");
        var writeRequest = Shape.Structure("WriteRequest").With(
            ("PutRequest", Shape.Structure("PutRequest").With(("Item", item)).Require("Item")),
            ("DeleteRequest", Shape.Structure("DeleteRequest").With(("Key", item)).Require("Key")));
        var transactGet = Shape.Structure("TransactGetItem").With(("Get", Shape.Structure("Get").With(
            ("Key", item), plainTable, ("ProjectionExpression", s), attributeNames)));
        var transactWrite = Shape.Structure("TransactWriteItem").With(
            ("ConditionCheck", Shape.Structure("ConditionCheck").With(
                ("Key", item), plainTable, ("ConditionExpression", s), attributeNames, attributeValues, onConditionFailure)),
            ("Put", Shape.Structure("Put").With(
                ("Item", item), plainTable, ("ConditionExpression", s), attributeNames, attributeValues, onConditionFailure)),
            ("Delete", Shape.Structure("Delete").With(
                ("Key", item), plainTable, ("ConditionExpression", s), attributeNames, attributeValues, onConditionFailure)),
            ("Update", Shape.Structure("Update").With(("Key", item), ("UpdateExpression", s), plainTable, ("ConditionExpression", s),
                attributeNames, attributeValues, onConditionFailure)));

        Shape Input(params (string, Shape)[] members) => Shape.Structure("Input").With(members);


        return new Dictionary<string, Shape>(StringComparer.Ordinal)
        {
            ["BatchGetItem"] = Input(
                ("RequestItems", Shape.MapOf(keysAndAttributes, new ShapeConstraints { MinLength = 1, MaxLength = 100, MapKey = tableName })),
                capacity).Require("RequestItems"),
            ["BatchWriteItem"] = Input(
                ("RequestItems", Shape.MapOf(
                    Shape.ListOf(writeRequest, new ShapeConstraints { MinLength = 1, MaxLength = 25 }),
                    new ShapeConstraints { MinLength = 1, MaxLength = 25, MapKey = tableName })),
                capacity, metrics).Require("RequestItems"),
            ["CreateTable"] = Input(("AttributeDefinitions", definitions), ("TableName", controlTableName), ("KeySchema", keySchema),
                ("LocalSecondaryIndexes", localIndexes), ("GlobalSecondaryIndexes", globalIndexes), billingMode,
                ("ProvisionedThroughput", throughput), ("StreamSpecification", stream), ("SSESpecification", sse), ("Tags", tags),
                tableClass, ("DeletionProtectionEnabled", flag), ("ResourcePolicy", s), ("OnDemandThroughput", onDemand),
                ("WarmThroughput", warm)).Require("AttributeDefinitions", "TableName", "KeySchema"),
            ["DeleteItem"] = Input(table, ("Key", item), ("Expected", expected), conditionalOperator, ("ReturnValues", returnValues),
                capacity, metrics, ("ConditionExpression", s), attributeNames, attributeValues, onConditionFailure).Require("TableName", "Key"),
            ["DeleteTable"] = Input(("TableName", controlTableName)).Require("TableName"),
            ["DescribeTable"] = Input(("TableName", controlTableName)).Require("TableName"),
            ["DescribeTimeToLive"] = Input(("TableName", controlTableName)).Require("TableName"),
            ["DescribeContinuousBackups"] = Input(plainTable),
            ["GetItem"] = Input(table, ("Key", item), ("AttributesToGet", attributesToGet), ("ConsistentRead", flag), capacity,
                ("ProjectionExpression", s), attributeNames).Require("TableName", "Key"),
            ["ListTables"] = Input(("ExclusiveStartTableName", indexName), ("Limit", Shape.Number(ShapeKind.Integer, 1, 100))),
            ["ListTagsOfResource"] = Input(("ResourceArn", s), ("NextToken", s)),
            ["PutItem"] = Input(table, ("Item", item), ("Expected", expected), ("ReturnValues", returnValues), capacity, metrics,
                conditionalOperator, ("ConditionExpression", s), attributeNames, attributeValues, onConditionFailure).Require("TableName", "Item"),
            ["Query"] = Input(plainTable, ("IndexName", s), ("Select", s), ("AttributesToGet", strings), ("Limit", Shape.Integer),
                ("ConsistentRead", flag), ("KeyConditions", conditions), ("QueryFilter", conditions), ("ConditionalOperator", s),
                ("ScanIndexForward", flag), ("ExclusiveStartKey", item), plainCapacity, ("ProjectionExpression", s),
                ("FilterExpression", s), ("KeyConditionExpression", s), attributeNames, attributeValues),
            ["Scan"] = Input(plainTable, ("IndexName", s), ("AttributesToGet", strings), ("Limit", Shape.Integer), ("Select", s),
                ("ScanFilter", conditions), ("ConditionalOperator", s), ("ExclusiveStartKey", item), plainCapacity,
                ("TotalSegments", Shape.Integer), ("Segment", Shape.Integer), ("ProjectionExpression", s), ("FilterExpression", s),
                attributeNames, attributeValues, ("ConsistentRead", flag)),
            ["TagResource"] = Input(("ResourceArn", s), ("Tags", tags)),
            ["UntagResource"] = Input(("ResourceArn", s), ("TagKeys", strings)),
            ["TransactGetItems"] = Input(("TransactItems", Shape.ListOf(transactGet)), plainCapacity),
            ["TransactWriteItems"] = Input(("TransactItems", Shape.ListOf(transactWrite)), plainCapacity, ("ReturnItemCollectionMetrics", s),
                ("ClientRequestToken", s)),
            ["UpdateContinuousBackups"] = Input(plainTable, ("PointInTimeRecoverySpecification", Shape.Structure("PointInTimeRecoverySpecification")
                .With(("PointInTimeRecoveryEnabled", flag), ("RecoveryPeriodInDays", Shape.Integer)))),
            ["UpdateItem"] = Input(table, ("Key", item), ("AttributeUpdates", updates), ("Expected", expected),
                conditionalOperator, ("ReturnValues", returnValues), capacity, metrics, ("UpdateExpression", s), ("ConditionExpression", s),
                attributeNames, attributeValues, onConditionFailure).Require("TableName", "Key"),
            ["UpdateTable"] = Input(("AttributeDefinitions", definitions), ("TableName", controlTableName), billingMode,
                ("ProvisionedThroughput", throughput), ("GlobalSecondaryIndexUpdates", indexUpdates), ("StreamSpecification", stream),
                ("SSESpecification", sse), tableClass, ("DeletionProtectionEnabled", flag), ("OnDemandThroughput", onDemand),
                ("WarmThroughput", warm)).Require("TableName"),
            ["UpdateTimeToLive"] = Input(plainTable, ("TimeToLiveSpecification", Shape.Structure("TimeToLiveSpecification")
                .With(("Enabled", flag), ("AttributeName", s)))),
        }.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.Seal(), StringComparer.Ordinal);
    }
}
