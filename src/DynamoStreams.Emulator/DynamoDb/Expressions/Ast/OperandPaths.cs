namespace DynamoStreams.Emulator.DynamoDb.Expressions.Ast;

/// <summary>Lists the document paths an operand reads, of a condition or of an update's value, in reading order.</summary>
internal static class OperandPaths
{
    /// <summary>Adds every path <paramref name="operand"/> reads to <paramref name="paths"/>.</summary>
    /// <param name="operand">The operand.</param>
    /// <param name="paths">The list to add to.</param>
    public static void Collect(Operand operand, List<DocumentPath> paths)
    {
        switch (operand)
        {
            case PathOperand path:
                paths.Add(path.Path);
                break;
            case SizeOperand size:
                Collect(size.Argument, paths);
                break;
            case IfNotExistsOperand ifNotExists:
                paths.Add(ifNotExists.Path);
                Collect(ifNotExists.Fallback, paths);
                break;
            case ListAppendOperand append:
                Collect(append.First, paths);
                Collect(append.Second, paths);
                break;
            case ArithmeticOperand arithmetic:
                Collect(arithmetic.Left, paths);
                Collect(arithmetic.Right, paths);
                break;
        }
    }
}
