using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
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

    /// <summary>
    /// Appends the versions of the code that shapes the template: the module version ids of this assembly and of the
    /// construct's, and Amazon.CDK.Lib's version. Read from assembly metadata only: loading a CDK type would load jsii.
    /// </summary>
    public void AddCodeVersions()
    {
        var self = typeof(DeclarationFingerprint).Assembly;
        Add("code:" + self.GetName().Name, self.ManifestModule.ModuleVersionId.ToString());
        foreach (var reference in self.GetReferencedAssemblies())
        {
            if (reference.Name == "DynamoStreams.Construct")
            {
                Add("code:" + reference.Name, Assembly.Load(reference).ManifestModule.ModuleVersionId.ToString());
            }
            else if (reference.Name == "Amazon.CDK.Lib")
            {
                Add("code:" + reference.Name, reference.Version?.ToString());
            }
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
            case not null when IsJsiiObject(value.GetType()):
                // A jsii object lives in Node.js: reading its properties would start the runtime the cache exists to avoid.
                _text.Append("jsii:").Append(value.GetType().FullName);
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

    /// <summary>Tells whether the type is a jsii proxy, by name so that a declaration without one never loads jsii's assembly.</summary>
    private static bool IsJsiiObject(Type type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.FullName == "Amazon.JSII.Runtime.Deputy.DeputyBase")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Writes a string with its length first, so that no content can be mistaken for structure.</summary>
    private void WriteString(string text) => _text.Append('"').Append(text.Length).Append(':').Append(text).Append('"');

    private void WriteDictionary(IDictionary dictionary, int depth)
    {
        var keys = new string[dictionary.Count];
        var values = new object?[dictionary.Count];
        var i = 0;
        foreach (DictionaryEntry entry in dictionary)
        {
            keys[i] = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "";
            values[i++] = entry.Value;
        }

        Array.Sort(keys, values, StringComparer.Ordinal);
        _text.Append('{');
        for (i = 0; i < keys.Length; i++)
        {
            WriteString(keys[i]);
            _text.Append(':');
            Write(values[i], depth + 1);
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
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        var names = new string[properties.Length];
        for (var i = 0; i < properties.Length; i++)
        {
            names[i] = properties[i].Name;
        }

        Array.Sort(names, properties, StringComparer.Ordinal);
        foreach (var property in properties)
        {
            if (!property.CanRead || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

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
