using System.Text.Json.Serialization;

namespace DynamoStreams.LocalLambda.EventSourceMapping.Checkpoints;

/// <summary>Serialises stored checkpoints as <c>{"afterSequenceNumber":"…","finished":false}</c> without reflection.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ShardCheckpoint))]
internal sealed partial class CheckpointJsonContext : JsonSerializerContext;
