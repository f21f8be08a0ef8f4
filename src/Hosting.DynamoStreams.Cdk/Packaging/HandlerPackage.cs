namespace Aspire.Hosting.DynamoStreams.Cdk.Packaging;

/// <summary>Describes a function's code ready for <c>Code.FromAsset</c>: its folder and a hash of its content.</summary>
/// <param name="Directory">The folder that becomes the Lambda asset.</param>
/// <param name="ContentHash">The SHA-256 of the folder's file names, modes and contents (lowercase hex).</param>
/// <param name="Handler">The handler string in AWS: <c>bootstrap</c>, the assembly name for the managed runtime, or the Node.js handler.</param>
public sealed record HandlerPackage(string Directory, string ContentHash, string Handler);
