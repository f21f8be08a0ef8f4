using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.DynamoStreams.Cdk;

/// <summary>Carries an edit of the <see cref="DynamoStreamsStackOptions"/> a pattern's stack is published with.</summary>
/// <param name="Configure">Edits the options (stack name, account and region, an existing function's role, a ready handler folder).</param>
public sealed record DynamoStreamsStackOptionsAnnotation(Action<DynamoStreamsStackOptions> Configure) : IResourceAnnotation;
