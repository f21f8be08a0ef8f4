namespace DynamoStreams.Emulator.DynamoDb.Expressions;

/// <summary>Lists the sort-key tests a Query key condition allows.</summary>
/// <remarks>Public only because a test theory takes it as a parameter; not part of the emulator's API.</remarks>
public enum KeyConditionOperator
{
    /// <summary><c>sk = :v</c>.</summary>
    Equal,

    /// <summary><c>sk &lt; :v</c>.</summary>
    Less,

    /// <summary><c>sk &lt;= :v</c>.</summary>
    LessOrEqual,

    /// <summary><c>sk &gt; :v</c>.</summary>
    Greater,

    /// <summary><c>sk &gt;= :v</c>.</summary>
    GreaterOrEqual,

    /// <summary><c>sk BETWEEN :a AND :b</c>.</summary>
    Between,

    /// <summary><c>begins_with(sk, :p)</c>.</summary>
    BeginsWith,
}
