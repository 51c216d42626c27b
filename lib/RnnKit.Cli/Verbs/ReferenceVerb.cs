using System.Text.Json;

namespace RnnKit.Cli.Verbs;

/// <summary>`rnnkit reference CASE.json`: one recurrent layer's forward and backward in PyTorch's layout.</summary>
public sealed class ReferenceVerb : IVerb
{
    public string Name => "reference";

    public string Summary => "forward and backward of one recurrent layer in PyTorch's weight layout (JSON in, JSON out)";

    public string Usage => """
        usage: rnnkit reference CASE.json

          Reads a case: {"cell": "rnn_tanh"|"rnn_relu"|"lstm"|"gru", "input_size": I, "hidden_size": H,
          "weight_ih": [G*H][I], "weight_hh": [G*H][H], "bias_ih": [G*H], "bias_hh": [G*H], "x": [T][B][I],
          "h0": [B][H], "c0": [B][H] (lstm), "dy": [T][B][H], "dh_n": [B][H] (optional), "dc_n": [B][H] (optional, lstm)}
          in PyTorch's gate order (LSTM i,f,g,o; GRU r,z,n). Prints {"y", "h_n", "c_n" (lstm), "grads": {"weight_ih",
          "weight_hh", "bias_ih", "bias_hh", "x", "h0", "c0" (lstm)}}, the gradients of
          L = sum(y*dy) + sum(h_n*dh_n) + sum(c_n*dc_n), computed by the scratch layer in double precision.
          Fields "name", "seed", "comment" and "expected" are ignored. A malformed case exits 1 naming the field.
        """;

    public Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var reader = new ArgReader(args, []);
        if (reader.Positionals.Count != 1) throw new UsageException("give exactly one CASE.json");
        var path = reader.Positionals[0];
        if (!File.Exists(path)) throw new CliException($"{path}: no such file");

        ReferenceCase reference;
        try
        {
            reference = ReferenceCase.Parse(File.ReadAllText(path));
        }
        catch (ReferenceCaseException e)
        {
            throw new CliException($"{path}: {e.Message}");
        }
        stdout.WriteLine(reference.Compute().ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
        return Task.FromResult(ExitCodes.Ok);
    }
}
