using System.Collections.Immutable;
using DynamoStreams.Emulator.DynamoDb.Model;

namespace DynamoStreams.Emulator.DynamoDb.Expressions;

/// <summary>
/// Copies selected document paths out of an item, rebuilding the maps and lists around them; list elements keep
/// their relative order and close up, as DynamoDB returns them.
/// </summary>
internal static class Projector
{
    public static Dictionary<string, AttributeValue> Project(IReadOnlyDictionary<string, AttributeValue> item, IReadOnlyList<DocumentPath> paths)
    {
        var result = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        Dictionary<string, Node>? nested = null;
        foreach (var path in paths)
        {
            var value = path.Resolve(item);
            if (value is null)
            {
                continue;
            }

            if (path.Count == 1)
            {
                result[path.Root] = value;
                continue;
            }

            nested ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            if (!nested.TryGetValue(path.Root, out var node))
            {
                nested[path.Root] = node = new Node();
            }

            for (var i = 1; i < path.Count; i++)
            {
                node = node.Child(path[i]);
            }

            node.Leaf = value;
        }

        if (nested is not null)
        {
            foreach (var (name, node) in nested)
            {
                result[name] = node.Build();
            }
        }

        return result;
    }

    private sealed class Node
    {
        private Dictionary<string, Node>? _map;
        private SortedDictionary<int, Node>? _list;

        public AttributeValue? Leaf { get; set; }

        public Node Child(PathElement step)
        {
            Node? child;
            if (step.IsIndex)
            {
                _list ??= [];
                if (!_list.TryGetValue(step.Index, out child))
                {
                    _list[step.Index] = child = new Node();
                }
            }
            else
            {
                _map ??= new Dictionary<string, Node>(StringComparer.Ordinal);
                if (!_map.TryGetValue(step.Name!, out child))
                {
                    _map[step.Name!] = child = new Node();
                }
            }

            return child;
        }

        public AttributeValue Build()
        {
            if (Leaf is not null)
            {
                return Leaf;
            }

            if (_list is not null)
            {
                var builder = ImmutableArray.CreateBuilder<AttributeValue>(_list.Count);
                foreach (var child in _list.Values)
                {
                    builder.Add(child.Build());
                }

                return AttributeValue.FromOwnedList(builder.MoveToImmutable());
            }

            var map = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
            foreach (var (name, child) in _map!)
            {
                map[name] = child.Build();
            }

            return AttributeValue.FromOwnedMap(map);
        }
    }
}
