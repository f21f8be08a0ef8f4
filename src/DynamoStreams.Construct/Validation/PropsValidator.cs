namespace DynamoStreams.Construct.Validation;

/// <summary>
/// Rejects contradictory <see cref="DynamoDBStreamsToLambdaProps"/> before any resource is created, with the
/// Solutions Constructs' own messages where they have one.
/// </summary>
internal static class PropsValidator
{
    internal const string LambdaBoth = "Error - Either provide lambdaFunctionProps or existingLambdaObj, but not both.";
    internal const string LambdaNeither = "Either existingLambdaObj or lambdaFunctionProps is required";
    internal const string TableBoth = "Error - Either provide existingTableInterface or dynamoTableProps, but not both.";
    internal const string DlqPropsWithoutDlq = "Error - sqsDlqQueueProps cannot be set when deploySqsDlqQueue is false.";
    internal const string OnFailureWithDlq =
        "Error - Either provide dynamoEventSourceProps.onFailure or deploySqsDlqQueue/sqsDlqQueueProps, but not both.";

    internal const string ExistingLambdaWithoutRole =
        "Error - existingLambdaObj has no role to receive the stream-read and dead-letter-queue grants; import it with Function.FromFunctionAttributes and a Role.";

    /// <summary>Throws an <see cref="ArgumentException"/> carrying the first rule <paramref name="props"/> breaks.</summary>
    public static void Validate(DynamoDBStreamsToLambdaProps props)
    {
        ArgumentNullException.ThrowIfNull(props);

        if (props.ExistingLambdaObj is not null && props.LambdaFunctionProps is not null)
        {
            throw new ArgumentException(LambdaBoth);
        }

        if (props.ExistingLambdaObj is null && props.LambdaFunctionProps is null)
        {
            throw new ArgumentException(LambdaNeither);
        }

        // CDK would fail later with "Cannot get policy fragment ... imported without a role", or drop the grants.
        if (props.ExistingLambdaObj is { Role: null })
        {
            throw new ArgumentException(ExistingLambdaWithoutRole);
        }

        if (props.ExistingTableInterface is not null && props.DynamoTableProps is not null)
        {
            throw new ArgumentException(TableBoth);
        }

        if (props.DeploySqsDlqQueue == false && props.SqsDlqQueueProps is not null)
        {
            throw new ArgumentException(DlqPropsWithoutDlq);
        }

        if (props.DynamoEventSourceProps?.OnFailure is not null
            && (props.DeploySqsDlqQueue == true || props.SqsDlqQueueProps is not null))
        {
            throw new ArgumentException(OnFailureWithDlq);
        }
    }
}
