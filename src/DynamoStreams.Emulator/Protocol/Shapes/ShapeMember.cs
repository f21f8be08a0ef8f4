namespace DynamoStreams.Emulator.Protocol.Shapes;

/// <summary>
/// A member of a structure shape: its shape, and its position among the structure's required members (so the
/// validator tracks which required members it has seen in one bit mask, without looking them up again).
/// </summary>
/// <param name="Shape">The member's shape.</param>
/// <param name="RequiredBit">The bit of the member in the required mask, or -1 when the member is optional.</param>
internal sealed record ShapeMember(Shape Shape, int RequiredBit);
