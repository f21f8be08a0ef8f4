namespace DynamoStreams.Emulator.DynamoDb.Expressions;

/// <summary>Holds DynamoDB's runtime messages for update and condition evaluation (dynalite / real service).</summary>
internal static class UpdateMessages
{
    public const string MissingAttribute = "The provided expression refers to an attribute that does not exist in the item";
    public const string IncorrectDataType = "An operand in the update expression has an incorrect data type";
    public const string InvalidPath = "The document path provided in the update expression is invalid for update";

    public static string KeyAttribute(string name) =>
        $"One or more parameter values were invalid: Cannot update attribute {name}. This attribute is part of the key";
}
