using System.Globalization;

namespace DynamoStreams.Contracts.EventSourceMapping;

/// <summary>
/// Describes the accepted values of one integer parameter of <c>CreateEventSourceMapping</c>: its bounds, the value
/// that means "no limit" where it has one, and the messages AWS and CDK give for a value outside it.
/// </summary>
public sealed class EventSourceMappingRange
{
    private readonly Func<EventSourceMappingRange, string, string> _describe;

    internal EventSourceMappingRange(string member, int minimum, int maximum, bool acceptsUnlimited, Func<EventSourceMappingRange, string, string> describe)
    {
        Member = member;
        Minimum = minimum;
        Maximum = maximum;
        AcceptsUnlimited = acceptsUnlimited;
        _describe = describe;
    }

    /// <summary>Gets the member's name in the Lambda API model (for example <c>batchSize</c>).</summary>
    public string Member { get; }

    /// <summary>Gets the smallest limited value accepted.</summary>
    public int Minimum { get; }

    /// <summary>Gets the largest value accepted.</summary>
    public int Maximum { get; }

    /// <summary>Gets a value indicating whether <see cref="Unlimited.Value"/> is accepted besides the range.</summary>
    public bool AcceptsUnlimited { get; }

    /// <summary>Gets the lower bound of the API model's constraint, which admits <see cref="Unlimited.Value"/> where the parameter accepts it.</summary>
    public int ModelMinimum => AcceptsUnlimited ? Unlimited.Value : Minimum;

    /// <summary>Tells whether <paramref name="value"/> is accepted.</summary>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> when it is within the range or is the accepted unlimited value.</returns>
    public bool Contains(int value) => (AcceptsUnlimited && value == Unlimited.Value) || (value >= Minimum && value <= Maximum);

    /// <summary>Tells whether a duration of <paramref name="seconds"/> (possibly fractional) lies within the range's bounds.</summary>
    /// <param name="seconds">The duration in seconds.</param>
    /// <returns><see langword="true"/> when it is within the bounds.</returns>
    public bool ContainsSeconds(double seconds) => seconds >= Minimum && seconds <= Maximum;

    /// <summary>Describes the constraint as CDK's event-source validation words it, for a rejected value.</summary>
    /// <param name="given">The rejected value as the caller wrote it.</param>
    /// <returns>The message, such as <c>Maximum batch size must be between 1 and 10000 inclusive (given 0)</c>.</returns>
    public string Describe(string given) => _describe(this, given);

    /// <summary>Describes the constraint as CDK's event-source validation words it, for a rejected value.</summary>
    /// <param name="given">The rejected value.</param>
    /// <returns>The message.</returns>
    public string Describe(int given) => Describe(given.ToString(CultureInfo.InvariantCulture));

    /// <summary>Returns the Lambda API model's validation message for <paramref name="value"/>, or <see langword="null"/> when the model accepts it.</summary>
    /// <param name="value">The value.</param>
    /// <returns>A message such as <c>Value '0' at 'batchSize' failed to satisfy constraint: Member must have value greater than or equal to 1</c>.</returns>
    public string? ModelViolation(int value)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        if (value < ModelMinimum)
        {
            return $"Value '{text}' at '{Member}' failed to satisfy constraint: Member must have value greater than or equal to {ModelMinimum.ToString(CultureInfo.InvariantCulture)}";
        }

        return value > Maximum
            ? $"Value '{text}' at '{Member}' failed to satisfy constraint: Member must have value less than or equal to {Maximum.ToString(CultureInfo.InvariantCulture)}"
            : null;
    }
}
