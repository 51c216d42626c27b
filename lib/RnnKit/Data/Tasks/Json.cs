using System.Text.Json;

namespace RnnKit.Data.Tasks;

/// <summary>Small writers for the arrays the task files hold.</summary>
internal static class Json
{
    public static void WriteArray(Utf8JsonWriter json, string name, IEnumerable<int> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values)
            json.WriteNumberValue(v);
        json.WriteEndArray();
    }

    public static void WriteArray(Utf8JsonWriter json, string name, IEnumerable<double> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values)
            json.WriteNumberValue(v);
        json.WriteEndArray();
    }

    public static void WriteArray(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values)
            json.WriteStringValue(v);
        json.WriteEndArray();
    }

    public static void WriteMatrix(Utf8JsonWriter json, string name, IEnumerable<int[]> rows)
    {
        json.WriteStartArray(name);
        foreach (var row in rows)
        {
            json.WriteStartArray();
            foreach (var v in row)
                json.WriteNumberValue(v);
            json.WriteEndArray();
        }
        json.WriteEndArray();
    }
}
