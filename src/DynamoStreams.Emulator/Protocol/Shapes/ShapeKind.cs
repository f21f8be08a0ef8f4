namespace DynamoStreams.Emulator.Protocol.Shapes;

/// <summary>The wire types of the service model that the request deserializer distinguishes.</summary>
internal enum ShapeKind
{
    String,
    Boolean,
    Integer,
    Long,
    Blob,
    List,
    Map,
    Structure,
}
