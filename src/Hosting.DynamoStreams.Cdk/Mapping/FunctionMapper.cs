using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.DynamoStreams.Cdk.Mapping;

/// <summary>Maps the declaration's handler and function options to CDK function props, or imports an existing function.</summary>
internal static class FunctionMapper
{
    private static readonly TimeSpan s_lambdaDefaultTimeout = TimeSpan.FromSeconds(3);
    private const int LambdaDefaultMemorySize = 128;

    public static FunctionProps ToProps(DynamoStreamsLambdaResource pattern, DynamoStreamsStackOptions options)
    {
        var handler = pattern.Handler;
        var props = handler.Kind switch
        {
            LambdaHandlerKind.Project => ProjectProps(pattern, handler, options),
            LambdaHandlerKind.NodeCode => new FunctionProps
            {
                Code = Code.FromAsset(RequireDirectory(pattern, handler.CodePath!, "Node.js code folder")),
                Runtime = NodeRuntime(handler.Runtime!),
                Handler = handler.Handler!,
            },
            _ => throw new InvalidOperationException($"The handler of the pattern '{pattern.Name}' is an existing function and has no function props."),
        };

        var function = pattern.Function;

        // Lambda's own defaults stay unset so the template equals the construct's for an untouched declaration.
        if (function.Timeout != s_lambdaDefaultTimeout)
        {
            props.Timeout = Duration.Seconds(function.Timeout.TotalSeconds);
        }

        if (function.MemorySize != LambdaDefaultMemorySize)
        {
            props.MemorySize = function.MemorySize;
        }

        if (function.FunctionName is { } name)
        {
            props.FunctionName = name;
        }

        if (function.Description is { } description)
        {
            props.Description = description;
        }

        if (function.Environment.Count > 0)
        {
            props.Environment = new Dictionary<string, string>(function.Environment, StringComparer.Ordinal);
        }

        if (function.ReservedConcurrentExecutions is { } reserved)
        {
            props.ReservedConcurrentExecutions = reserved;
        }

        if (function.Architecture == LambdaArchitecture.Arm64)
        {
            props.Architecture = Architecture.ARM_64;
        }

        if (!function.Tracing)
        {
            props.Tracing = Tracing.DISABLED;
        }

        return props;
    }

    /// <summary>Imports the existing function with its role, which receives the stream-read and DLQ grants.</summary>
    public static IFunction Import(Stack stack, DynamoStreamsLambdaResource pattern, DynamoStreamsStackOptions options)
    {
        var nameOrArn = pattern.Handler.FunctionNameOrArn!;
        if (string.IsNullOrEmpty(options.ExistingFunctionRoleArn))
        {
            throw new InvalidOperationException(
                $"The pattern '{pattern.Name}' uses the existing function '{nameOrArn}', whose execution role must receive the stream-read and dead-letter-queue grants: " +
                "set DynamoStreamsStackOptions.ExistingFunctionRoleArn to the function's role ARN.");
        }

        var arn = nameOrArn.StartsWith("arn:", StringComparison.Ordinal)
            ? nameOrArn
            : stack.FormatArn(new ArnComponents
            {
                Service = "lambda",
                Resource = "function",
                ResourceName = nameOrArn,
                ArnFormat = ArnFormat.COLON_RESOURCE_NAME,
            });

        return Function.FromFunctionAttributes(stack, "ExistingFunction", new FunctionAttributes
        {
            FunctionArn = arn,
            Role = Role.FromRoleArn(stack, "ExistingFunctionRole", options.ExistingFunctionRoleArn),
            SameEnvironment = true,
        });
    }

    private static FunctionProps ProjectProps(DynamoStreamsLambdaResource pattern, LambdaHandler handler, DynamoStreamsStackOptions options)
    {
        if (string.IsNullOrEmpty(options.HandlerCodeDirectory))
        {
            throw new InvalidOperationException(
                $"The pattern '{pattern.Name}' has the .NET handler '{handler.ProjectPath}': set DynamoStreamsStackOptions.HandlerCodeDirectory to its " +
                "Linux publish folder (dotnet publish -r linux-x64 --self-contained, with the executable renamed to bootstrap), " +
                "or publish through DynamoStreamsCloudPublisher, which packages the project itself.");
        }

        var managed = handler.Runtime!.StartsWith("dotnet", StringComparison.Ordinal);
        return new FunctionProps
        {
            Code = Code.FromAsset(RequireDirectory(pattern, options.HandlerCodeDirectory, "handler publish folder")),
            Runtime = handler.Runtime switch
            {
                "dotnet10" => Runtime.DOTNET_10,
                "dotnet8" => Runtime.DOTNET_8,
                "provided.al2" => Runtime.PROVIDED_AL2,
                _ => Runtime.PROVIDED_AL2023,
            },

            // A custom runtime starts the executable named bootstrap; the managed runtime loads the assembly.
            Handler = managed ? options.PackagedHandler ?? handler.Handler! : "bootstrap",
        };
    }

    /// <summary>Takes CDK's constant for a Node.js runtime it knows, so the runtime carries CDK's own traits.</summary>
    private static Runtime NodeRuntime(string name) => name switch
    {
        "nodejs24.x" => Runtime.NODEJS_24_X,
        "nodejs22.x" => Runtime.NODEJS_22_X,
        "nodejs20.x" => Runtime.NODEJS_20_X,
        _ => new Runtime(name, RuntimeFamily.NODEJS),
    };

    private static string RequireDirectory(DynamoStreamsLambdaResource pattern, string path, string what)
    {
        var full = Path.GetFullPath(path);
        if (!Directory.Exists(full))
        {
            throw new DirectoryNotFoundException($"The {what} '{full}' of the pattern '{pattern.Name}' does not exist: create it or fix the path in the declaration.");
        }

        return full;
    }
}
