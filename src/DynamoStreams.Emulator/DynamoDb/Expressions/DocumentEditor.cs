using DynamoStreams.Emulator.DynamoDb.Model;

namespace DynamoStreams.Emulator.DynamoDb.Expressions;

/// <summary>
/// Rewrites one document path inside an item, copying only the maps and lists on the way down (values are
/// immutable), with DynamoDB's rule that every parent of the target must already exist with the right type.
/// </summary>
internal static class DocumentEditor
{
    /// <summary>Replaces the value at <paramref name="path"/> with <paramref name="change"/>'s result (null removes it).</summary>
    public static void Edit(Dictionary<string, AttributeValue> item, DocumentPath path, Func<AttributeValue?, AttributeValue?> change)
    {
        var root = path.Root;
        item.TryGetValue(root, out var current);
        if (path.Count == 1)
        {
            Store(item, root, change(current));
            return;
        }

        if (current is null)
        {
            throw new DynamoValidationException(UpdateMessages.InvalidPath);
        }

        Store(item, root, EditInside(current, path, 1, change));
    }

    private static AttributeValue? EditInside(AttributeValue container, DocumentPath path, int depth, Func<AttributeValue?, AttributeValue?> change)
    {
        var step = path[depth];
        var last = depth == path.Count - 1;
        if (step.IsIndex)
        {
            if (container.Type != AttributeValueType.L)
            {
                throw new DynamoValidationException(UpdateMessages.InvalidPath);
            }

            var list = container.AsList();
            var existing = step.Index < list.Length ? list[step.Index] : null;
            if (!last)
            {
                var child = existing ?? throw new DynamoValidationException(UpdateMessages.InvalidPath);
                return AttributeValue.FromOwnedList(list.SetItem(step.Index, EditInside(child, path, depth + 1, change)!));
            }

            var updated = change(existing);
            if (existing is null)
            {
                // Setting an index past the end appends; removing one is a no-op (real service).
                return updated is null ? container : AttributeValue.FromOwnedList(list.Add(updated));
            }

            return AttributeValue.FromOwnedList(updated is null ? list.RemoveAt(step.Index) : list.SetItem(step.Index, updated));
        }

        if (container.Type != AttributeValueType.M)
        {
            throw new DynamoValidationException(UpdateMessages.InvalidPath);
        }

        var map = new Dictionary<string, AttributeValue>(container.AsMap(), StringComparer.Ordinal);
        map.TryGetValue(step.Name!, out var value);
        if (last)
        {
            Store(map, step.Name!, change(value));
        }
        else
        {
            Store(map, step.Name!, EditInside(value ?? throw new DynamoValidationException(UpdateMessages.InvalidPath), path, depth + 1, change));
        }

        return AttributeValue.FromOwnedMap(map);
    }

    private static void Store(Dictionary<string, AttributeValue> map, string name, AttributeValue? value)
    {
        if (value is null)
        {
            map.Remove(name);
        }
        else
        {
            map[name] = value;
        }
    }
}
