using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace RnnKit.Notebooks.Exercises.Remote;

/// <summary>A value that cannot cross between the grader and the sandbox: its type is not allowed, or the message is malformed.</summary>
public sealed class ValueWireException(string message) : Exception(message);

/// <summary>
/// Plain values as JSON, for the channel between the grader and a student's sandbox: numbers (doubles by their bits,
/// so NaN, ±∞ and −0 survive), strings, arrays (primitive arrays as base64 of their bytes), lists, dictionaries and
/// sets (by their entries, since hash codes differ between processes), tuples, and the kit's own objects (MathNet
/// matrices, RnnKit cells, caches, <see cref="Random"/>) field by field, with shared references and cycles kept.
/// A delegate travels as a callback number: the other side gets a stand-in that calls back (<see cref="GradingChannel"/>).
/// Only the types <see cref="IsAllowed"/> names are written or read, so a reply cannot make the grader build
/// arbitrary objects; every read is bounded in depth and count.
/// </summary>
public sealed class ValueWire
{
    /// <summary>Deepest nesting read or written.</summary>
    public const int MaxDepth = 200;

    /// <summary>Most objects one message may hold.</summary>
    public const int MaxObjects = 2_000_000;

    private const BindingFlags InstanceFields = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    private readonly Func<Delegate, int> _register;
    private readonly Func<int, Type, Delegate> _standIn;

    /// <param name="register">Numbers a delegate this side sends (so the other side can call it back).</param>
    /// <param name="standIn">A delegate of the given type that calls the other side's callback of that number.</param>
    public ValueWire(Func<Delegate, int> register, Func<int, Type, Delegate> standIn)
    {
        _register = register;
        _standIn = standIn;
    }

    /// <summary>True for the types that may cross: primitives, strings, arrays, BCL collections and tuples of such,
    /// <see cref="Random"/>, and types of the kit (RnnKit, MathNet.Numerics) without finalizers.</summary>
    public static bool IsAllowed(Type type)
    {
        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime) || type == typeof(TimeSpan))
            return true;
        if (typeof(Delegate).IsAssignableFrom(type)) return true;
        if (type.IsArray) return IsAllowed(type.GetElementType()!);
        if (type.IsPointer || type.IsByRef || type.ContainsGenericParameters || typeof(MemberInfo).IsAssignableFrom(type)) return false;
        if (type.IsGenericType && !type.GetGenericArguments().All(IsAllowed)) return false;
        var ns = type.Namespace ?? "";
        var assembly = type.Assembly.GetName().Name ?? "";
        if (type.IsGenericType && (ns == "System.Collections.Generic" || ns == "System.Collections.ObjectModel"
                || type.FullName!.StartsWith("System.ValueTuple`", StringComparison.Ordinal) || type.FullName.StartsWith("System.Tuple`", StringComparison.Ordinal)
                || type.GetGenericTypeDefinition() == typeof(Nullable<>)))
            return true;
        if (type == typeof(Random) || (type.FullName ?? "").StartsWith("System.Random+", StringComparison.Ordinal)) return true;
        if (type == typeof(object)) return true;
        var kit = assembly == "RnnKit" || assembly.StartsWith("MathNet.Numerics", StringComparison.Ordinal);
        return kit && !HasFinalizer(type);
    }

    private static bool HasFinalizer(Type type)
    {
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
            if (t.GetMethod("Finalize", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.DeclaredOnly) is not null) return true;
        return false;
    }

    /// <summary>The name a type travels under: "Full.Name, Assembly".</summary>
    public static string NameOf(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    /// <summary>The type of a name from <see cref="NameOf"/>, among the assemblies loaded here; null when unknown or not allowed.</summary>
    public static Type? TypeOf(string name)
    {
        Type? type;
        try
        {
            type = Type.GetType(name, an => AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == an.Name), null, throwOnError: false);
        }
        catch (Exception e) when (e is ArgumentException or FileLoadException or TypeLoadException or BadImageFormatException)
        {
            return null;
        }
        return type is not null && IsAllowed(type) ? type : null;
    }

    public JsonNode? Write(object? value) => new Writer(this).Write(value, 0);

    /// <summary>Reads a value written by <see cref="Write"/>; it must be assignable to <paramref name="expected"/>.</summary>
    /// <exception cref="ValueWireException">Malformed, too deep or too large, a type not allowed, or not an <paramref name="expected"/>.</exception>
    public object? Read(JsonNode? node, Type expected)
    {
        object? value;
        try
        {
            value = new Reader(this).Read(node, 0);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException or InvalidCastException
                                      or OverflowException or IndexOutOfRangeException or NotSupportedException or MissingMethodException
                                      or TargetInvocationException or KeyNotFoundException or MemberAccessException)
        {
            throw new ValueWireException($"a malformed value ({e.GetType().Name}: {e.Message})");
        }
        if (value is null)
        {
            if (expected.IsValueType && Nullable.GetUnderlyingType(expected) is null && expected != typeof(void))
                throw new ValueWireException($"null where a {Describe(expected)} was expected");
            return null;
        }
        if (expected != typeof(void) && !expected.IsInstanceOfType(value))
            throw new ValueWireException($"a {Describe(value.GetType())} where a {Describe(expected)} was expected");
        return value;
    }

    /// <summary>A type as C# shows it, for messages: Matrix&lt;double&gt;, (int, int).</summary>
    public static string Describe(Type type)
    {
        if (type.IsArray) return Describe(type.GetElementType()!) + "[]";
        if (!type.IsGenericType) return type.Name switch
        {
            "Double" => "double", "Int32" => "int", "Int64" => "long", "Boolean" => "bool", "String" => "string", "Single" => "float",
            "Char" => "char", "Object" => "object", var n => n,
        };
        var args = type.GetGenericArguments().Select(Describe);
        if (type.FullName!.StartsWith("System.ValueTuple`", StringComparison.Ordinal)) return $"({string.Join(", ", args)})";
        return $"{type.Name[..type.Name.IndexOf('`')]}<{string.Join(", ", args)}>";
    }

    /// <summary>
    /// Makes <paramref name="target"/> hold what <paramref name="source"/> holds, in place where it can (arrays of
    /// the same length, objects of the same type, collections), so references the grader keeps to parts of an
    /// argument see what the student's function did to it.
    /// </summary>
    public static void CopyInto(object target, object source) => CopyInto(target, source, new HashSet<object>(ReferenceEqualityComparer.Instance), 0);

    private static bool CopyInto(object target, object source, HashSet<object> seen, int depth)
    {
        var type = target.GetType();
        if (source.GetType() != type || type.IsValueType || type == typeof(string) || depth > MaxDepth) return false;
        if (!seen.Add(target)) return true;
        if (target is Array ta)
        {
            var sa = (Array)source;
            if (ta.Rank != sa.Rank || Enumerable.Range(0, ta.Rank).Any(d => ta.GetLength(d) != sa.GetLength(d))) return false;
            if (type.GetElementType()!.IsValueType)
            {
                Array.Copy(sa, ta, sa.Length);
                return true;
            }
            for (var i = 0; i < ta.Length; i++)
            {
                var (t, s) = (Flat(ta, i), Flat(sa, i));
                if (t is null || s is null || !CopyInto(t, s, seen, depth + 1)) SetFlat(ta, i, s);
            }
            return true;
        }
        if (IsHashed(type))
        {
            type.GetMethod("Clear")!.Invoke(target, null);
            foreach (var item in (IEnumerable)source) Add(target, item);
            return true;
        }
        if (typeof(Delegate).IsAssignableFrom(type)) return false;
        foreach (var field in Fields(type))
        {
            var (t, s) = (field.GetValue(target), field.GetValue(source));
            if (t is null || s is null || field.FieldType.IsValueType || !CopyInto(t, s, seen, depth + 1))
                field.SetValue(target, s);
        }
        return true;
    }

    private static object? Flat(Array a, int i) => a.Rank == 1 ? a.GetValue(i) : a.GetValue(Index(a, i));

    private static void SetFlat(Array a, int i, object? v)
    {
        if (a.Rank == 1) a.SetValue(v, i);
        else a.SetValue(v, Index(a, i));
    }

    private static int[] Index(Array a, int flat)
    {
        var index = new int[a.Rank];
        for (var d = a.Rank - 1; d >= 0; d--)
        {
            index[d] = flat % a.GetLength(d);
            flat /= a.GetLength(d);
        }
        return index;
    }

    /// <summary>Collections whose layout depends on hash codes (which differ between processes): sent by entries.</summary>
    private static bool IsHashed(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() is var d
        && (d == typeof(Dictionary<,>) || d == typeof(HashSet<>) || d == typeof(SortedDictionary<,>) || d == typeof(SortedSet<>));

    private static void Add(object collection, object? item)
    {
        var type = collection.GetType();
        if (type.GetGenericArguments().Length == 2)
        {
            var kvType = typeof(KeyValuePair<,>).MakeGenericType(type.GetGenericArguments());
            var key = kvType.GetProperty("Key")!.GetValue(item);
            var value = kvType.GetProperty("Value")!.GetValue(item);
            type.GetMethod("Add", type.GetGenericArguments())!.Invoke(collection, [key, value]);
        }
        else
            type.GetMethod("Add", type.GetGenericArguments())!.Invoke(collection, [item]);
    }

    private static IEnumerable<FieldInfo> Fields(Type type)
    {
        for (var t = type; t is not null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType)
            foreach (var f in t.GetFields(InstanceFields))
                yield return f;
    }

    private static string FieldKey(FieldInfo f) => f.DeclaringType!.Name + "." + f.Name;

    private sealed class Writer(ValueWire wire)
    {
        private readonly Dictionary<object, int> _ids = new(ReferenceEqualityComparer.Instance);

        public JsonNode? Write(object? value, int depth)
        {
            if (value is null) return null;
            if (depth > MaxDepth) throw new ValueWireException($"the value nests deeper than {MaxDepth} levels");
            var type = value.GetType();
            if (!IsAllowed(type) && AsArray(value) is { } items)
            {
                // A sequence of a type the other side does not have (a collection expression's compiler-made list,
                // a LINQ iterator): its items, as an array, which fits every IReadOnlyList/IList/IEnumerable parameter.
                value = items;
                type = items.GetType();
            }
            if (!IsAllowed(type))
                throw new ValueWireException($"a value of type {Describe(type)} ({type.Namespace}) cannot be sent between the grader and the sandbox");
            switch (value)
            {
                case string s: return s;
                case bool b: return b;
                case int i: return i;
                case double d: return new JsonObject { ["t"] = "d", ["v"] = BitConverter.DoubleToInt64Bits(d) };
                case Delegate del: return new JsonObject { ["t"] = NameOf(type), ["callback"] = wire._register(del) };
            }
            if (type.IsPrimitive || type.IsEnum || type == typeof(decimal) || type == typeof(DateTime) || type == typeof(TimeSpan))
                return new JsonObject { ["t"] = NameOf(type), ["v"] = Primitive(value) };

            if (!type.IsValueType)
            {
                if (_ids.TryGetValue(value, out var id)) return new JsonObject { ["ref"] = id };
                if (_ids.Count >= MaxObjects) throw new ValueWireException($"the value holds more than {MaxObjects} objects");
                _ids[value] = _ids.Count;
            }
            var node = new JsonObject { ["t"] = NameOf(type) };
            if (!type.IsValueType) node["id"] = _ids[value];
            if (value is Array array)
            {
                node["lengths"] = new JsonArray(Enumerable.Range(0, array.Rank).Select(d => (JsonNode)array.GetLength(d)).ToArray());
                var element = type.GetElementType()!;
                if (element.IsPrimitive && array.Rank == 1)
                    node["bytes"] = Convert.ToBase64String(PrimitiveBytes(array));
                else
                    node["items"] = new JsonArray(Enumerable.Range(0, array.Length).Select(i => Write(Flat(array, i), depth + 1)).ToArray());
                return node;
            }
            if (IsHashed(type))
            {
                node["items"] = new JsonArray(((IEnumerable)value).Cast<object?>().Select(i => Write(i, depth + 1)).ToArray());
                return node;
            }
            var fields = new JsonObject();
            foreach (var f in Fields(type))
                fields[FieldKey(f)] = Write(f.GetValue(value), depth + 1);
            node["fields"] = fields;
            return node;
        }

        /// <summary>The items of a sequence whose item type may cross, as an array; null for anything else.</summary>
        private static Array? AsArray(object value)
        {
            var item = value.GetType().GetInterfaces()
                .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
            if (item is null || !IsAllowed(item) || value is not IEnumerable sequence) return null;
            var list = sequence.Cast<object?>().Take(MaxObjects + 1).ToList();
            if (list.Count > MaxObjects) throw new ValueWireException($"a sequence of more than {MaxObjects} items");
            var array = Array.CreateInstance(item, list.Count);
            for (var i = 0; i < list.Count; i++) array.SetValue(list[i], i);
            return array;
        }

        private static JsonNode Primitive(object value) => value switch
        {
            float f => BitConverter.SingleToInt32Bits(f),
            long l => l.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ulong u => u.ToString(System.Globalization.CultureInfo.InvariantCulture),
            decimal m => m.ToString(System.Globalization.CultureInfo.InvariantCulture),
            DateTime t => t.ToBinary().ToString(System.Globalization.CultureInfo.InvariantCulture),
            TimeSpan s => s.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture),
            char c => (int)c,
            Enum e => Convert.ToInt64(e, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture),
            IntPtr or UIntPtr => throw new ValueWireException("a pointer-sized integer cannot be sent"),
            _ => JsonValue.Create(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)),
        };

        private static byte[] PrimitiveBytes(Array array)
        {
            var size = Marshal.SizeOf(array.GetType().GetElementType()!);
            var bytes = new byte[array.Length * size];
            Buffer.BlockCopy(array, 0, bytes, 0, bytes.Length);
            return bytes;
        }
    }

    private sealed class Reader(ValueWire wire)
    {
        private readonly Dictionary<int, object> _objects = [];

        public object? Read(JsonNode? node, int depth)
        {
            if (node is null) return null;
            if (depth > MaxDepth) throw new ValueWireException($"the value nests deeper than {MaxDepth} levels");
            if (node is JsonValue v)
            {
                if (v.TryGetValue<string>(out var s)) return s;
                if (v.TryGetValue<bool>(out var b)) return b;
                return v.GetValue<int>();
            }
            var o = node.AsObject();
            if (o["ref"] is { } r)
                return _objects.TryGetValue(r.GetValue<int>(), out var seen) ? seen : throw new ValueWireException("a reference to an object not sent before");
            var name = o["t"]?.GetValue<string>() ?? throw new ValueWireException("a value without a type");
            if (name == "d") return BitConverter.Int64BitsToDouble(o["v"]!.GetValue<long>());
            var type = TypeOf(name) ?? throw new ValueWireException($"a value of type {name}, which may not be sent");
            if (typeof(Delegate).IsAssignableFrom(type))
                return wire._standIn(o["callback"]!.GetValue<int>(), type);
            if (type.IsPrimitive || type.IsEnum || type == typeof(decimal) || type == typeof(DateTime) || type == typeof(TimeSpan))
                return Primitive(type, o["v"]!);
            if (_objects.Count >= MaxObjects) throw new ValueWireException($"the value holds more than {MaxObjects} objects");

            if (type.IsArray)
            {
                var lengths = o["lengths"]!.AsArray().Select(l => l!.GetValue<int>()).ToArray();
                if (lengths.Length != type.GetArrayRank() || lengths.Any(l => l < 0)) throw new ValueWireException("an array with wrong lengths");
                var total = lengths.Aggregate(1L, (a, l) => a * l);
                var element = type.GetElementType()!;
                if (o["bytes"] is { } bytesNode)
                {
                    var bytes = Convert.FromBase64String(bytesNode.GetValue<string>());
                    if (!element.IsPrimitive || type.GetArrayRank() != 1 || bytes.Length != total * Marshal.SizeOf(element))
                        throw new ValueWireException("an array whose bytes do not match its length");
                    var primitives = Array.CreateInstance(element, lengths[0]);
                    Buffer.BlockCopy(bytes, 0, primitives, 0, bytes.Length);
                    Remember(o, primitives);
                    return primitives;
                }
                var items = o["items"]!.AsArray();
                if (items.Count != total || total > MaxObjects) throw new ValueWireException("an array whose items do not match its length");
                var array = Array.CreateInstance(element, lengths);
                Remember(o, array);
                for (var i = 0; i < items.Count; i++) SetFlat(array, i, Read(items[i], depth + 1));
                return array;
            }
            if (type.IsAbstract || type.IsInterface) throw new ValueWireException($"an instance of the abstract type {type.FullName}");
            if (IsHashed(type))
            {
                var collection = Activator.CreateInstance(type)!;
                Remember(o, collection);
                foreach (var item in o["items"]!.AsArray()) Add(collection, Read(item, depth + 1));
                return collection;
            }
            var value = RuntimeHelpers.GetUninitializedObject(type);
            if (!type.IsValueType) Remember(o, value);
            var fields = o["fields"]?.AsObject() ?? throw new ValueWireException($"a {type.Name} without fields");
            foreach (var f in Fields(type))
                if (fields[FieldKey(f)] is { } fieldNode)
                {
                    var fieldValue = Read(fieldNode, depth + 1);
                    if (fieldValue is not null && !f.FieldType.IsInstanceOfType(fieldValue))
                        throw new ValueWireException($"field {f.Name} of {type.Name} holds a {fieldValue.GetType().Name}");
                    f.SetValue(value, fieldValue);
                }
            return value;
        }

        private void Remember(JsonObject o, object value)
        {
            var id = o["id"]?.GetValue<int>() ?? throw new ValueWireException("an object without an id");
            if (!_objects.TryAdd(id, value)) throw new ValueWireException("two objects with the same id");
        }

        private static object Primitive(Type type, JsonNode v)
        {
            var text = v is JsonValue jv && jv.TryGetValue<string>(out var s) ? s : v.ToJsonString();
            var inv = System.Globalization.CultureInfo.InvariantCulture;
            if (type.IsEnum) return Enum.ToObject(type, long.Parse(text, inv));
            return type switch
            {
                _ when type == typeof(float) => BitConverter.Int32BitsToSingle(int.Parse(text, inv)),
                _ when type == typeof(char) => (char)int.Parse(text, inv),
                _ when type == typeof(decimal) => decimal.Parse(text, inv),
                _ when type == typeof(DateTime) => DateTime.FromBinary(long.Parse(text, inv)),
                _ when type == typeof(TimeSpan) => TimeSpan.FromTicks(long.Parse(text, inv)),
                _ when type == typeof(ulong) => ulong.Parse(text, inv),
                _ when type == typeof(IntPtr) || type == typeof(UIntPtr) => throw new ValueWireException("a pointer-sized integer"),
                _ => Convert.ChangeType(long.Parse(text, inv), type, inv),
            };
        }
    }
}
