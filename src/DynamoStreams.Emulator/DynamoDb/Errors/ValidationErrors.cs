using System.Text;
using DynamoStreams.Emulator.Protocol.Errors;
using DynamoStreams.Emulator.Protocol.Shapes;

namespace DynamoStreams.Emulator.DynamoDb.Errors;

/// <summary>
/// Collects the constraint violations DynamoDB reports together, and throws them as one
/// <c>ValidationException</c>: "2 validation errors detected: Value null at 'tableName' failed to satisfy
/// constraint: Member must not be null; ...". Like DynamoDB, it reports at most ten of them (and counts only those).
/// </summary>
internal sealed class ValidationErrors
{
    /// <summary>The most violations DynamoDB puts in one message.</summary>
    public const int MaxReported = 10;

    // Created on the first violation: a valid request allocates no list.
    private List<string>? _errors;

    /// <summary>Records a missing required member.</summary>
    /// <param name="path">The member path in lower camel case, for example <c>tableName</c>.</param>
    public void NotNull(string path) => (_errors ??= []).Add($"Value null at '{path}' failed to satisfy constraint: Member must not be null");

    /// <summary>Creates the error for one missing required member.</summary>
    /// <param name="path">The member path in lower camel case.</param>
    /// <returns>The <c>ValidationException</c>.</returns>
    public static AwsServiceException NotNullError(string path) =>
        DynamoDbErrors.Validation($"1 validation error detected: Value null at '{path}' failed to satisfy constraint: Member must not be null");

    /// <summary>Records a violated constraint.</summary>
    /// <param name="value">The offending value as DynamoDB prints it.</param>
    /// <param name="path">The member path in lower camel case.</param>
    /// <param name="constraint">The constraint text, for example <c>Member must have length less than or equal to 255</c>.</param>
    public void Add(string value, string path, string constraint) =>
        (_errors ??= []).Add($"Value '{value}' at '{path}' failed to satisfy constraint: {constraint}");

    /// <summary>Checks a table or index name (3 to 255 characters of <c>[a-zA-Z0-9_.-]</c>).</summary>
    /// <param name="name">The name, or <see langword="null"/>.</param>
    /// <param name="path">The member path.</param>
    /// <param name="required">Whether a missing name is an error.</param>
    public void CheckName(string? name, string path, bool required = true)
    {
        if (name is null)
        {
            if (required)
            {
                NotNull(path);
            }

            return;
        }

        if (!ShapeConstraints.IsName(name))
        {
            Add(name, path, "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }

        if (name.Length < 3)
        {
            Add(name, path, "Member must have length greater than or equal to 3");
        }

        if (name.Length > 255)
        {
            Add(name, path, "Member must have length less than or equal to 255");
        }
    }

    /// <summary>Checks that a value is one of the allowed values.</summary>
    /// <param name="value">The value, or <see langword="null"/> (not checked).</param>
    /// <param name="path">The member path.</param>
    /// <param name="allowed">The allowed values.</param>
    public void CheckEnum(string? value, string path, params string[] allowed)
    {
        if (value is not null && Array.IndexOf(allowed, value) < 0)
        {
            Add(value, path, "Member must satisfy enum value set: [" + string.Join(", ", allowed) + "]");
        }
    }

    /// <summary>Throws the collected violations as one <c>ValidationException</c>, if any.</summary>
    /// <exception cref="AwsServiceException">At least one violation was recorded.</exception>
    public void ThrowIfAny()
    {
        if (_errors is null || _errors.Count == 0)
        {
            return;
        }

        var count = Math.Min(_errors.Count, MaxReported);
        var message = new StringBuilder();
        message.Append(count).Append(count == 1 ? " validation error detected: " : " validation errors detected: ");
        for (var i = 0; i < count; i++)
        {
            message.Append(i == 0 ? string.Empty : "; ").Append(_errors[i]);
        }

        throw DynamoDbErrors.Validation(message.ToString());
    }
}
