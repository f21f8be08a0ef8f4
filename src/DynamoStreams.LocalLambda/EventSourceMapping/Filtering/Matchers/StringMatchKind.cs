namespace DynamoStreams.LocalLambda.EventSourceMapping.Filtering.Matchers;

/// <summary>Names how a <see cref="StringMatcher"/> compares.</summary>
internal enum StringMatchKind
{
    Equals,
    Prefix,
    Suffix,
}
