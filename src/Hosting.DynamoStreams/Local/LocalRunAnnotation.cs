using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.DynamoStreams.Local;

/// <summary>
/// Marks a shared resource whose local-run behaviour is already attached.
/// </summary>
internal sealed class LocalRunAnnotation : IResourceAnnotation;
