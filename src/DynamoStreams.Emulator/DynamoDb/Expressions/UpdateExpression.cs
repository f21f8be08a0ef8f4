using DynamoStreams.Emulator.DynamoDb.Expressions.Ast;
using DynamoStreams.Emulator.DynamoDb.Expressions.Syntax;
using DynamoStreams.Emulator.DynamoDb.Model;

namespace DynamoStreams.Emulator.DynamoDb.Expressions;

/// <summary>
/// A parsed UpdateExpression (or legacy <c>AttributeUpdates</c>); <see cref="Apply"/> produces the new item with
/// DynamoDB's semantics: every SET value is computed from the item as it was before the update.
/// </summary>
internal sealed class UpdateExpression
{
    private readonly List<UpdateAction> _actions;

    internal UpdateExpression(List<UpdateAction> actions)
    {
        _actions = actions;
        TargetPaths = actions.ConvertAll(static a => a.Path);
    }

    /// <summary>Gets the actions, in expression order.</summary>
    public IReadOnlyList<UpdateAction> Actions => _actions;

    /// <summary>Gets the document paths the update writes, in expression order.</summary>
    public IReadOnlyList<DocumentPath> TargetPaths { get; }

    /// <summary>Parses an UpdateExpression, resolving placeholders through the request's context.</summary>
    /// <param name="text">The expression text.</param>
    /// <param name="context">The request's placeholder context.</param>
    /// <returns>The compiled update.</returns>
    /// <exception cref="DynamoValidationException">The expression is invalid; the message is DynamoDB's.</exception>
    public static UpdateExpression Parse(string text, ExpressionContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(context);
        return new UpdateExpression(UpdateParser.Parse(text, context));
    }

    /// <summary>Throws DynamoDB's error when the update writes a key attribute (or anything inside one).</summary>
    /// <param name="keyAttributeNames">The table's key attribute names.</param>
    /// <exception cref="DynamoValidationException">A key attribute is updated.</exception>
    public void EnsureKeyAttributesUnchanged(IEnumerable<string> keyAttributeNames)
    {
        ArgumentNullException.ThrowIfNull(keyAttributeNames);
        foreach (var key in keyAttributeNames)
        {
            if (_actions.Exists(a => a.Path.Root == key))
            {
                throw new DynamoValidationException(UpdateMessages.KeyAttribute(key));
            }
        }
    }

    /// <summary>Applies the update to an item (null when the item does not exist yet) and returns the new item.</summary>
    /// <param name="item">The current item, or null.</param>
    /// <returns>The new item and the paths written.</returns>
    /// <exception cref="DynamoValidationException">A runtime rule fails (missing attribute, wrong type, invalid path).</exception>
    public UpdateResult Apply(IReadOnlyDictionary<string, AttributeValue>? item)
    {
        IReadOnlyDictionary<string, AttributeValue> original = item ?? new Dictionary<string, AttributeValue>();
        var values = new AttributeValue?[_actions.Count];
        for (var i = 0; i < _actions.Count; i++)
        {
            if (_actions[i].Kind == UpdateActionKind.Set)
            {
                values[i] = _actions[i].Value!.Evaluate(original);
            }
        }

        var result = new Dictionary<string, AttributeValue>(original, StringComparer.Ordinal);
        foreach (var i in ExecutionOrder())
        {
            var action = _actions[i];
            switch (action.Kind)
            {
                case UpdateActionKind.Set:
                    var value = values[i]!;
                    DocumentEditor.Edit(result, action.Path, _ => value);
                    break;
                case UpdateActionKind.Remove:
                    DocumentEditor.Edit(result, action.Path, static _ => null);
                    break;
                case UpdateActionKind.Add:
                    var addend = action.Value!.Evaluate(original);
                    DocumentEditor.Edit(result, action.Path, existing => action.Legacy
                        ? SetOperations.LegacyAdd(existing, addend)
                        : SetOperations.Add(existing, addend));
                    break;
                default:
                    var removed = action.Value!.Evaluate(original);
                    DocumentEditor.Edit(result, action.Path, existing => action.Legacy
                        ? SetOperations.LegacyDelete(existing, removed)
                        : SetOperations.Delete(existing, removed));
                    break;
            }
        }

        return new UpdateResult(result, TargetPaths);
    }

    private IEnumerable<int> ExecutionOrder()
    {
        // List elements removed by one REMOVE clause are addressed by their original positions, so remove
        // higher indexes first. Elements SET or ADDed past the end are appended in ascending index order, whatever
        // the clause order (observed: dynalite suite updateItem.js 'should update nested attributes').
        return Enumerable.Range(0, _actions.Count)
            .OrderBy(i => _actions[i].Kind == UpdateActionKind.Remove && _actions[i].Path[^1].IsIndex ? 1 : 0)
            .ThenBy(i => _actions[i].Kind != UpdateActionKind.Remove && _actions[i].Path[^1].IsIndex ? _actions[i].Path[^1].Index : -1)
            .ThenByDescending(i => _actions[i].Kind == UpdateActionKind.Remove && _actions[i].Path[^1].IsIndex ? _actions[i].Path[^1].Index : 0);
    }
}
