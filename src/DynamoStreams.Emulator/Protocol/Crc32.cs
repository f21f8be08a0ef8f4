namespace DynamoStreams.Emulator.Protocol;

/// <summary>
/// Computes the IEEE 802.3 CRC-32 that DynamoDB sends in <c>x-amz-crc32</c> and the AWS SDKs verify.
/// </summary>
internal static class Crc32
{
    /// <summary>Computes the CRC-32 of the bytes.</summary>
    /// <param name="data">The exact bytes of the response body.</param>
    /// <returns>The checksum as an unsigned number.</returns>
    public static uint Compute(ReadOnlySpan<byte> data) => System.IO.Hashing.Crc32.HashToUInt32(data);
}
