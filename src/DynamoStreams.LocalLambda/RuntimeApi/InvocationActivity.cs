using System.Diagnostics;

namespace DynamoStreams.LocalLambda.RuntimeApi;

/// <summary>
/// Sets the OpenTelemetry FaaS attributes of an invocation activity.
/// </summary>
internal static class InvocationActivity
{
    public static void Start(Activity activity, LambdaFunctionOptions function, string trigger)
    {
        activity.SetTag("faas.name", function.Name);
        activity.SetTag("faas.version", "$LATEST");
        activity.SetTag("faas.trigger", trigger);
        activity.SetTag("faas.max_memory", function.MemorySize * 1024L * 1024L);
        activity.SetTag("cloud.provider", "aws");
        activity.SetTag("cloud.platform", "aws_lambda");
        activity.SetTag("cloud.region", function.Region);
        activity.SetTag("cloud.resource_id", function.FunctionArn);
    }

    public static void Complete(Activity activity, InvocationResult result)
    {
        activity.SetTag("faas.invocation_id", result.RequestId);
        activity.SetTag("aws.request_id", result.RequestId);
        switch (result.Status)
        {
            case InvocationStatus.Succeeded:
                activity.SetStatus(ActivityStatusCode.Ok);
                break;
            case InvocationStatus.FunctionError:
                activity.SetTag("error.type", result.Error!.ErrorType);
                activity.SetStatus(ActivityStatusCode.Error, result.Error.ErrorMessage);
                break;
            default:
                activity.SetTag("error.type", "TooManyRequestsException");
                activity.SetStatus(ActivityStatusCode.Error, "Throttled: no runtime process was free.");
                break;
        }
    }
}
