namespace DynamoStreams.Emulator.Protocol;

/// <summary>
/// Computes the IEEE 802.3 CRC-32 that DynamoDB sends in <c>x-amz-crc32</c> and the AWS SDKs verify.
/// </summary>
public static class Crc32
{
    private static readonly uint[] s_table = CreateTable();

    /// <summary>Computes the CRC-32 of the bytes.</summary>
    /// <param name="data">The exact bytes of the response body.</param>
    /// <returns>The checksum as an unsigned number.</returns>
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        var table = s_table;
        foreach (var b in data)
        {
            crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static uint[] CreateTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
