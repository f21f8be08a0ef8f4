namespace Hosting.DynamoStreams.Cdk.Tests.Infrastructure;

/// <summary>Reads the instruction set of a Linux executable from its ELF header (e_machine).</summary>
internal static class ElfHeader
{
    public const ushort X86_64 = 62;

    public const ushort AArch64 = 183;

    public static ushort Machine(string path)
    {
        var header = new byte[20];
        using (var stream = File.OpenRead(path))
        {
            stream.ReadExactly(header);
        }

        Assert.True(header[0] == 0x7F && header[1] == (byte)'E' && header[2] == (byte)'L' && header[3] == (byte)'F', $"{path} is not an ELF executable.");
        return BitConverter.ToUInt16(header, 18);
    }
}
