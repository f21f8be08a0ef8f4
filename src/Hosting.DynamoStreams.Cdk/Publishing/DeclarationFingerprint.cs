using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Amazon.JSII.Runtime.Deputy;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.DynamoStreams.Cdk.Publishing;

/// <summary>
/// Writes a canonical text of everything a generated stack depends on (every option of the declaration, by reflection so
/// that a new option is covered without a change here; the hooks' code; the stack options; the code hashes) and hashes it.
/// </summary>
/// <remarks>
/// A hook is keyed by its method and the module version id of its assembly: a change of the AppHost's code misses the
/// cache, but a value the hook reads at run time (configuration, environment) is not part of the key.
/// </remarks>
internal sealed class DeclarationFingerprint
{
    private const int MaxDepth = 10;
    private readonly StringBuilder _text = new();

    /// <summary>Gets the canonical text written so far (for diagnostics and tests).</summary>
    public string Text => _text.ToString();

    /// <summary>Appends a named value.</summary>
    /// <param name="name">The value's name.</param>
    /// <param name="value">The value: a primitive, an option object, a collection, a delegate.</param>
    public void Add(string name, object? value)
    {
        _text.Append(name).Append('=');
        Write(value, 0);
        _text.Append('\n');
    }

    /// <summary>Appends the module version ids of the assemblies whose code shapes the template.</summary>
    public void AddCodeVersions()
    {
        foreach (var type in new[] { typeof(DeclarationFingerprint), typeof(global::DynamoStreams.Construct.DynamoDBStreamsToLambda), typeof(Amazon.CDK.Stack) })
        {
            Add("code:" + type.Assembly.GetName().Name, type.Module.ModuleVersionId.ToString());
        }
    }

    /// <summary>Hashes the canonical text.</summary>
    /// <returns>The SHA-256, lowercase hex.</returns>
    public string ComputeHash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(_text.ToString())));

    private void Write(object? value, int depth)
    {
        switch (value)
        {
            case null:
                _text.Append("null");
                break;
            case string text:
                WriteString(text);
                break;
            case bool or Enum or TimeSpan:
                _text.Append(value.GetType().Name).Append(':').Append(value);
                break;
            case IFormattable number when value.GetType().IsPrimitive || value is decimal:
                _text.Append(number.ToString(null, CultureInfo.InvariantCulture));
                break;
            case DynamoStreamsLambdaResource pattern:
                // Another pattern (WithExistingTable(pattern)) enters the key by name; its own options are keyed on their own.
                _text.Append("pattern:").Append(pattern.Name);
                break;
            case Delegate hook:
                WriteDelegate(hook);
                break;
            case DeputyBase jsiiObject:
                // A jsii object lives in Node.js: reading its properties would start the runtime the cache exists to avoid.
                _text.Append("jsii:").Append(jsiiObject.GetType().FullName);
                break;
            case IDictionary dictionary:
                WriteDictionary(dictionary, depth);
                break;
            case IEnumerable sequence:
                _text.Append('[');
                foreach (var item in sequence)
                {
                    Write(item, depth + 1);
                    _text.Append(',');
                }

                _text.Append(']');
                break;
            default:
                WriteObject(value, depth);
                break;
        }
    }

    /// <summary>Writes a string with its length first, so that no content can be mistaken for structure.</summary>
    private void WriteString(string text) => _text.Append('"').Append(text.Length).Append(':').Append(text).Append('"');

    private void WriteDictionary(IDictionary dictionary, int depth)
    {
        var entries = new List<(string Key, object? Value)>();
        foreach (DictionaryEntry entry in dictionary)
        {
            entries.Add((Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "", entry.Value));
        }

        _text.Append('{');
        foreach (var (key, item) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            WriteString(key);
            _text.Append(':');
            Write(item, depth + 1);
            _text.Append(',');
        }

        _text.Append('}');
    }

    private void WriteObject(object value, int depth)
    {
        var type = value.GetType();
        _text.Append(type.FullName);
        if (depth >= MaxDepth)
        {
            return;
        }

        _text.Append('{');
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .OrderBy(p => p.Name, StringComparer.Ordinal);
        foreach (var property in properties)
        {
            _text.Append(property.Name).Append(':');
            Write(property.GetValue(value), depth + 1);
            _text.Append(',');
        }

        _text.Append('}');
    }

    private void WriteDelegate(Delegate hook)
    {
        foreach (var single in hook.GetInvocationList())
        {
            var method = single.Method;
            _text.Append("code:").Append(method.DeclaringType?.FullName).Append('.').Append(method.Name)
                .Append('@').Append(method.Module.ModuleVersionId).Append(';');
        }
    }
}
