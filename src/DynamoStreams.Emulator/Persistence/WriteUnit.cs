using System.Buffers;
using System.Text;

namespace DynamoStreams.Emulator.Persistence;

/// <summary>
/// Collects the log entries of one atomic write (see <see cref="DynamoDb.Storage.AtomicWrite"/>) into one payload:
/// a single entry as itself, several as <c>{"t":"unit","e":[entry, ...]}</c>, which recovery applies all or not at all
/// because a frame is either intact or a torn tail.
/// </summary>
internal sealed class WriteUnit
{
    private const int InitialCapacity = 2048;

    // A transaction's unit can reach several MB; a thread keeps at most this much between writes.
    private const int RetainedCapacity = 1024 * 1024;
    private static readonly byte[] s_prefix = Encoding.UTF8.GetBytes($$"""{"t":"{{EntryTypes.Unit}}","e":[""");
    private static readonly byte[] s_suffix = "]}"u8.ToArray();
    private ArrayBufferWriter<byte> _buffer = new(InitialCapacity);
    private int _entries;

    public bool IsEmpty => _entries == 0;

    /// <summary>Finishes the unit and returns the payload to log: the one entry, or the unit wrapping every entry.</summary>
    public ReadOnlySpan<byte> Complete()
    {
        if (_entries == 1)
        {
            return _buffer.WrittenSpan[s_prefix.Length..];
        }

        _buffer.Write(s_suffix);
        return _buffer.WrittenSpan;
    }

    public void Add(ReadOnlySpan<byte> entry)
    {
        _buffer.Write(_entries == 0 ? s_prefix : ","u8);
        _buffer.Write(entry);
        _entries++;
    }

    public void Clear()
    {
        if (_buffer.Capacity > RetainedCapacity)
        {
            _buffer = new ArrayBufferWriter<byte>(InitialCapacity);
        }
        else
        {
            _buffer.ResetWrittenCount();
        }

        _entries = 0;
    }
}
