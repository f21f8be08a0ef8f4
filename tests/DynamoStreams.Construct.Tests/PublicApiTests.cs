using System.Reflection;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Lambda.EventSources;
using Amazon.CDK.AWS.SQS;

namespace DynamoStreams.Construct.Tests;

public class PublicApiTests
{
    [Fact]
    public void Props_PublicSurface_HasExactlyTheSeedsPropsWithDotnetNames()
    {
        // spec construct.md Public surface: exactly these props (other code and users depend on the names)
        var props = typeof(DynamoDBStreamsToLambdaProps).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .ToDictionary(p => p.Name, p => p.PropertyType);
        Assert.Equal(
            new Dictionary<string, Type>
            {
                ["ExistingLambdaObj"] = typeof(IFunction),
                ["LambdaFunctionProps"] = typeof(IFunctionProps),
                ["DynamoTableProps"] = typeof(ITableProps),
                ["ExistingTableInterface"] = typeof(ITable),
                ["DynamoEventSourceProps"] = typeof(IDynamoEventSourceProps),
                ["DeploySqsDlqQueue"] = typeof(bool?),
                ["SqsDlqQueueProps"] = typeof(IQueueProps),
            },
            props);
    }

    [Fact]
    public void Construct_PublicSurface_ExposesTheFourProperties()
    {
        // spec construct.md Public surface: LambdaFunction, DynamoTableInterface, DynamoTable, SqsDlqQueue
        var properties = typeof(DynamoDBStreamsToLambda).GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .ToDictionary(p => p.Name, p => p.PropertyType);
        Assert.Equal(
            new Dictionary<string, Type>
            {
                ["LambdaFunction"] = typeof(IFunction),
                ["DynamoTableInterface"] = typeof(ITable),
                ["DynamoTable"] = typeof(Table),
                ["SqsDlqQueue"] = typeof(Queue),
            },
            properties);
        Assert.True(typeof(Constructs.Construct).IsAssignableFrom(typeof(DynamoDBStreamsToLambda)));
        Assert.Equal("DynamoStreams.Construct", typeof(DynamoDBStreamsToLambda).Namespace);
    }
}
