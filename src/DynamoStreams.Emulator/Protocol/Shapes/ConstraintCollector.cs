using System.Globalization;
using System.Text;
using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.Protocol.Errors;

namespace DynamoStreams.Emulator.Protocol.Shapes;

/// <summary>
/// The state of one constraint walk: where in the request the walk is (rendered as DynamoDB's member path,
/// <c>globalSecondaryIndexes.1.member.projection.projectionType</c>, only when a violation needs it) and the
/// violations found so far. One instance per thread is reused, so a valid request allocates nothing here.
/// </summary>
internal sealed class ConstraintCollector
{
    private readonly List<Segment> _path = [];
    private ValidationErrors? _errors;
    private AwsServiceException? _first;

    /// <summary>Gets whether a violation or a first-reported error was recorded.</summary>
    public bool HasErrors => _errors is not null || _first is not null;

    /// <summary>Clears the state before a walk.</summary>
    public void Reset()
    {
        _path.Clear();
        _errors = null;
        _first = null;
    }

    public void PushMember(string name) => _path.Add(new Segment(name, default, -1));

    public void PushKey(JsonProperty key) => _path.Add(new Segment(null, key, -1));

    public void PushIndex(int index) => _path.Add(new Segment(null, default, index));

    public void Pop() => _path.RemoveAt(_path.Count - 1);

    /// <summary>Records a missing required member of the structure at the current path.</summary>
    /// <param name="member">The member name.</param>
    public void NotNull(string member) => (_errors ??= new ValidationErrors()).NotNull(PathTo(member));

    /// <summary>Records a null list element or map value, whose constrained shape the operation would read, at the current path.</summary>
    public void NullValue() => (_errors ??= new ValidationErrors()).NotNull(PathTo(null));

    /// <summary>Records a violated constraint of the value at the current path.</summary>
    /// <param name="value">The value as DynamoDB prints it.</param>
    /// <param name="constraint">The constraint text.</param>
    public void Violation(string value, string constraint) => (_errors ??= new ValidationErrors()).Add(value, PathTo(null), constraint);

    /// <summary>Records an error DynamoDB reports alone and before every constraint violation (the first one wins).</summary>
    /// <param name="message">The message.</param>
    public void First(string message) => _first ??= DynamoDbErrors.Validation(message);

    /// <summary>Throws what the walk found: the first-reported error, else the collected violations.</summary>
    /// <exception cref="AwsServiceException">Something was found.</exception>
    public void ThrowIfAny()
    {
        if (_first is not null)
        {
            throw _first;
        }

        _errors?.ThrowIfAny();
    }

    private string PathTo(string? member)
    {
        var path = new StringBuilder();
        foreach (var segment in _path)
        {
            Append(path, segment);
        }

        if (member is not null)
        {
            AppendMember(path, member);
        }

        return path.ToString();
    }

    private static void Append(StringBuilder path, Segment segment)
    {
        if (segment.Member is not null)
        {
            AppendMember(path, segment.Member);
            return;
        }

        if (path.Length > 0)
        {
            path.Append('.');
        }

        if (segment.Index >= 0)
        {
            path.Append((segment.Index + 1).ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            path.Append(segment.Key.Name);
        }

        path.Append(".member");
    }

    private static void AppendMember(StringBuilder path, string member)
    {
        if (path.Length > 0)
        {
            path.Append('.');
        }

        path.Append(char.ToLowerInvariant(member[0])).Append(member.AsSpan(1));
    }

    /// <summary>One step of the path: a structure member, a map key or a list position.</summary>
    private readonly record struct Segment(string? Member, JsonProperty Key, int Index);
}
