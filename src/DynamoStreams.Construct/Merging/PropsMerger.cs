using System.Collections;
using System.Reflection;
using Amazon.JSII.Runtime.Deputy;

namespace DynamoStreams.Construct.Merging;

/// <summary>
/// Deep-merges user props over construct defaults the way the Solutions Constructs' <c>overrideProps</c> does:
/// a value the user set wins; plain data (jsii structs and dictionaries) merges key by key; arrays and class
/// instances (roles, durations, queues) replace the default whole; anything the user left unset keeps the default.
/// </summary>
internal static class PropsMerger
{
    /// <summary>Returns a new <typeparamref name="TProps"/> holding <paramref name="user"/> merged over <paramref name="defaults"/>.</summary>
    /// <param name="defaults">The construct's defaults; never modified.</param>
    /// <param name="user">The user's props: any object exposing the props' members (a <typeparamref name="TProps"/>, or a jsii proxy of its interface); null keeps every default.</param>
    public static TProps Merge<TProps>(TProps defaults, object? user)
        where TProps : class, new()
    {
        ArgumentNullException.ThrowIfNull(defaults);
        return (TProps)MergeStruct(typeof(TProps), defaults, user);
    }

    private static object MergeStruct(Type resultType, object defaults, object? user)
    {
        var result = Activator.CreateInstance(resultType)
            ?? throw new InvalidOperationException($"Cannot create an instance of {resultType}.");
        foreach (var property in resultType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.CanWrite || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var defaultValue = property.GetValue(defaults);
            var userValue = user is null ? null : ReadMember(user, property.Name);
            property.SetValue(result, MergeValue(defaultValue, userValue));
        }

        return result;
    }

    private static object? MergeValue(object? defaultValue, object? userValue)
    {
        if (userValue is null)
        {
            return defaultValue;
        }

        if (defaultValue is null)
        {
            return userValue;
        }

        if (defaultValue is IDictionary<string, string> defaultStrings && userValue is IDictionary<string, string> userStrings)
        {
            var merged = new Dictionary<string, string>(defaultStrings);
            foreach (var (key, value) in userStrings)
            {
                merged[key] = value;
            }

            return merged;
        }

        if (defaultValue is IDictionary<string, object> defaultObjects && userValue is IDictionary<string, object> userObjects)
        {
            var merged = new Dictionary<string, object>(defaultObjects);
            foreach (var (key, value) in userObjects)
            {
                merged[key] = merged.TryGetValue(key, out var existing) ? MergeValue(existing, value)! : value;
            }

            return merged;
        }

        if (IsStruct(defaultValue) && IsStruct(userValue))
        {
            return MergeStruct(defaultValue.GetType(), defaultValue, userValue);
        }

        // Arrays, enums, scalars and class instances (roles, durations, queues): the user's value replaces the default.
        return userValue;
    }

    // jsii structs are plain data classes marked [JsiiByValue]; jsii classes (Role, Duration...) derive from DeputyBase.
    private static bool IsStruct(object value) =>
        value is not DeputyBase
        && value is not IEnumerable
        && value.GetType().GetCustomAttribute<JsiiByValueAttribute>() is not null;

    private static object? ReadMember(object source, string name)
    {
        var type = source.GetType();
        var property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance)
            ?? type.GetInterfaces()
                .Select(i => i.GetProperty(name, BindingFlags.Public | BindingFlags.Instance))
                .FirstOrDefault(p => p is not null);
        return property?.GetValue(source);
    }
}
