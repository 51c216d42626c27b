using System.Text.Json;

namespace RnnKit.Data.Tasks;

/// <summary>An example that writes itself as one JSON object (one line of a .jsonl file).</summary>
public interface IJsonLine
{
    /// <summary>Writes the example as a JSON object with snake_case keys.</summary>
    void WriteTo(Utf8JsonWriter json);
}
