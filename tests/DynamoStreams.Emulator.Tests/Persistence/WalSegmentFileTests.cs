using System.Text;
using DynamoStreams.Emulator.Persistence;

namespace DynamoStreams.Emulator.Tests.Persistence;

/// <summary>The preallocated log segment: in-place writes, a zero end, torn frames inside the allocated space.</summary>
public sealed class WalSegmentFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dse-segment-").FullName;

    [Fact]
    public void WriteDurably_TwoBatches_ReadBackWithTheZeroEndNotTorn()
    {
        // issue 4 persistence: acknowledged entries are read back; the preallocated end is not a torn tail
        var path = Path.Combine(_directory, "wal-00000001.log");
        using (var segment = new WalSegmentFile(path))
        {
            segment.WriteDurably(Frame("""{"t":"kv","k":"a","v":"1"}"""));
            segment.WriteDurably(Frame("""{"t":"kv","k":"b","v":"2"}"""));
        }

        var (payloads, intact, torn) = WalFrames.ReadAll(path);
        Assert.Equal(["""{"t":"kv","k":"a","v":"1"}""", """{"t":"kv","k":"b","v":"2"}"""], payloads.Select(p => Encoding.UTF8.GetString(p)));
        Assert.False(torn);
        Assert.True(new FileInfo(path).Length > intact);
    }

    [Fact]
    public void ReadAll_TornFrameInsideTheAllocatedSpace_ReportsTornAtTheIntactLength()
    {
        // issue 4 persistence: a torn tail is detected inside preallocated space
        var path = Path.Combine(_directory, "wal-00000002.log");
        long intactLength;
        using (var segment = new WalSegmentFile(path))
        {
            segment.WriteDurably(Frame("""{"t":"kv","k":"a","v":"1"}"""));
            intactLength = WalFrames.ReadAll(path).IntactLength;
        }

        using (var file = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            file.Position = intactLength;
            file.Write("\u0040\0\0\0\u0001\0\0\0torn"u8);
        }

        var (payloads, intact, torn) = WalFrames.ReadAll(path);
        Assert.Single(payloads);
        Assert.True(torn);
        Assert.Equal(intactLength, intact);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static byte[] Frame(string json)
    {
        using var stream = new MemoryStream();
        WalFrames.Write(stream, Encoding.UTF8.GetBytes(json));
        return stream.ToArray();
    }
}
