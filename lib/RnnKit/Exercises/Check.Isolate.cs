using MathNet.Numerics.LinearAlgebra;

namespace RnnKit.Exercises;

/// <summary>One input a term-isolating check sets to zero, and what to tell the student when that fixes the answer.</summary>
/// <param name="Input">The input's name in the inputs dictionary, e.g. "ba".</param>
/// <param name="Hint">Where to look, e.g. "look at how you add the bias ba".</param>
public sealed record Term(string Input, string Hint);

public static partial class Check
{
    /// <summary>
    /// Compares <paramref name="student"/> with <paramref name="reference"/> on <paramref name="inputs"/>; when they
    /// differ, evaluates both again with each term's input set to zero. A term whose removal makes the student's
    /// answer right is where the mistake is: "a_next is wrong; with ba = 0 it is right, so look at how you add the
    /// bias ba". Fails with that feedback, or with the plain comparison when no single term explains it.
    /// </summary>
    /// <param name="name">The output's name in messages, e.g. "a_next".</param>
    /// <param name="student">The student's function of the inputs.</param>
    /// <param name="reference">The right answer as a function of the same inputs.</param>
    /// <param name="inputs">Named inputs, e.g. xt, a_prev, Wax, Waa, ba.</param>
    /// <param name="terms">The inputs to zero one at a time, with their hints.</param>
    /// <param name="tolerance">Closeness; <see cref="Tolerance.Default"/> when null.</param>
    public static void Isolating(string name,
        Func<IReadOnlyDictionary<string, Matrix<double>>, Matrix<double>?> student,
        Func<IReadOnlyDictionary<string, Matrix<double>>, Matrix<double>> reference,
        IReadOnlyDictionary<string, Matrix<double>> inputs,
        IReadOnlyList<Term> terms,
        Tolerance? tolerance = null)
    {
        var tol = tolerance ?? Tolerance.Default;
        var actual = student(inputs);
        var expected = reference(inputs);
        var problem = Compare(name, actual, expected, tol);
        if (problem is null) return;
        if (actual is null || actual.RowCount != expected.RowCount || actual.ColumnCount != expected.ColumnCount)
            Fail(problem);

        var fixes = terms.Where(t => Compare(name, student(Zeroed(inputs, t.Input)), reference(Zeroed(inputs, t.Input)), tol) is null).ToList();
        if (fixes.Count == 1)
            Fail(Feedback.TermAtFault(name, fixes[0].Input, fixes[0].Hint, problem));
        if (fixes.Count > 1)
            Fail(Feedback.TermsCombine(name, string.Join(Feedback.Comma, fixes.Select(f => f.Input + " = 0")),
                string.Join(Feedback.ListSeparator, fixes.Select(f => f.Hint)), problem));
        Fail(Feedback.NoTermExplains(name, string.Join(Feedback.Or, terms.Select(t => t.Input + " = 0")), problem));
    }

    private static Dictionary<string, Matrix<double>> Zeroed(IReadOnlyDictionary<string, Matrix<double>> inputs, string input)
    {
        if (!inputs.ContainsKey(input))
            throw new ArgumentException($"term '{input}' is not one of the inputs ({string.Join(", ", inputs.Keys)})", nameof(input));
        return inputs.ToDictionary(kv => kv.Key, kv => kv.Key == input ? Matrix<double>.Build.Dense(kv.Value.RowCount, kv.Value.ColumnCount) : kv.Value);
    }
}
