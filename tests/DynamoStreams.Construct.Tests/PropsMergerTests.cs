using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Lambda.EventSources;
using DynamoStreams.Construct.Merging;
using DynamoAttribute = Amazon.CDK.AWS.DynamoDB.Attribute;

namespace DynamoStreams.Construct.Tests;

public class PropsMergerTests
{
    [Fact]
    public void Merge_NullUser_KeepsEveryDefault()
    {
        // spec construct.md Merge: anything not set keeps the default
        var defaults = new TableProps { Stream = StreamViewType.NEW_AND_OLD_IMAGES, DeletionProtection = true };
        var merged = PropsMerger.Merge(defaults, null);
        Assert.NotSame(defaults, merged);
        Assert.Equal(StreamViewType.NEW_AND_OLD_IMAGES, merged.Stream);
        Assert.True(merged.DeletionProtection);
    }

    [Fact]
    public void Merge_UserScalar_WinsAndUnsetKeepsDefault()
    {
        // spec construct.md Merge: user values win; anything not set keeps the default
        var merged = PropsMerger.Merge(
            new TableProps { Stream = StreamViewType.NEW_AND_OLD_IMAGES, BillingMode = BillingMode.PAY_PER_REQUEST },
            new TableProps { Stream = StreamViewType.KEYS_ONLY, TableName = "orders" });
        Assert.Equal(StreamViewType.KEYS_ONLY, merged.Stream);
        Assert.Equal(BillingMode.PAY_PER_REQUEST, merged.BillingMode);
        Assert.Equal("orders", merged.TableName);
    }

    [Fact]
    public void Merge_UserStruct_MergesFieldByField()
    {
        // spec construct.md Merge: plain objects merge (a jsii struct is plain data)
        var merged = PropsMerger.Merge(
            new TableProps { PartitionKey = new DynamoAttribute { Name = "id", Type = AttributeType.STRING } },
            new TableProps { PartitionKey = new DynamoAttribute { Name = "pk", Type = AttributeType.NUMBER } });
        Assert.Equal("pk", merged.PartitionKey!.Name);
        Assert.Equal(AttributeType.NUMBER, merged.PartitionKey.Type);
    }

    [Fact]
    public void Merge_Dictionaries_MergeKeyByKeyWithUserWinning()
    {
        // spec construct.md Merge: plain objects merge, user values win
        var merged = PropsMerger.Merge(
            new FunctionProps { Environment = new Dictionary<string, string> { ["A"] = "default", ["B"] = "default" } },
            new FunctionProps { Environment = new Dictionary<string, string> { ["B"] = "user", ["C"] = "user" } });
        Assert.Equal(new Dictionary<string, string> { ["A"] = "default", ["B"] = "user", ["C"] = "user" }, merged.Environment);
    }

    [Fact]
    public void Merge_ArraysAndClassInstances_ReplaceTheDefaultWhole()
    {
        // spec construct.md Merge: arrays and class instances (durations, queues) replace the default whole
        var userAge = Duration.Hours(2);
        var userFilter = FilterCriteria.Filter(new Dictionary<string, object> { ["eventName"] = FilterRule.IsEqual("REMOVE") });
        var merged = PropsMerger.Merge(
            new DynamoEventSourceProps
            {
                MaxRecordAge = Duration.Hours(24),
                Filters = [FilterCriteria.Filter(new Dictionary<string, object> { ["eventName"] = FilterRule.IsEqual("INSERT") })],
            },
            new DynamoEventSourceProps { MaxRecordAge = userAge, Filters = [userFilter] });
        Assert.Same(userAge, merged.MaxRecordAge);
        Assert.Same(userFilter, Assert.Single(merged.Filters!));
    }

    [Fact]
    public void Merge_UserThroughInterfaceImplementation_ReadsItsMembers()
    {
        // spec construct.md Props: props are accepted through their interfaces (any implementation)
        var merged = PropsMerger.Merge(new FunctionProps { Tracing = Tracing.ACTIVE }, new HandWrittenFunctionProps());
        Assert.Equal("index.handler", merged.Handler);
        Assert.Equal(Tracing.ACTIVE, merged.Tracing);
    }

    private sealed class HandWrittenFunctionProps : IFunctionProps
    {
        public Code Code => null!;

        public string Handler => "index.handler";

        public Runtime Runtime => null!;
    }
}
