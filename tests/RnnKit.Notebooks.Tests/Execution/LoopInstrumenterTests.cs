using RnnKit.Notebooks.Execution;
using Xunit;

namespace RnnKit.Notebooks.Tests.Execution;

public class LoopInstrumenterTests
{
    private const string Check = LoopInstrumenter.CheckCall;

    [Fact]
    public void Checks_go_at_the_top_of_loop_bodies_and_method_and_lambda_bodies_on_the_same_lines()
    {
        const string code = "for (;;) x++;\nwhile (a) { b(); }\nint F() { return 1; }\nFunc<int> g = () => { return 2; };\nforeach (var v in xs) while (c) d();";
        var instrumented = LoopInstrumenter.Instrument(code, CSharpSession.ParseOptions);
        Assert.Equal(
            $"for (;;) {{{Check}x++;}}\nwhile (a) {{{Check} b(); }}\nint F() {{{Check} return 1; }}\nFunc<int> g = () => {{{Check} return 2; }};\nforeach (var v in xs) {{{Check}while (c) {{{Check}d();}}}}",
            instrumented.Text);
    }

    [Fact]
    public void Every_goto_is_checked_as_a_loop_is()
    {
        const string code = "void F() { again: n++; if (n > 0) goto again; switch (n) { case 1: goto case 2; case 2: break; } }";
        var instrumented = LoopInstrumenter.Instrument(code, CSharpSession.ParseOptions);
        Assert.Equal(
            $"void F() {{{Check} again: n++; if (n > 0) {{{Check}goto again;}} switch (n) {{ case 1: {{{Check}goto case 2;}} case 2: break; }} }}",
            instrumented.Text);
    }

    [Fact]
    public void Positions_map_back_to_the_original_text()
    {
        const string code = "while (a) x++; y";
        var instrumented = LoopInstrumenter.Instrument(code, CSharpSession.ParseOptions);
        Assert.Equal(code.IndexOf('x'), instrumented.ToOriginal(instrumented.Text.IndexOf("x++", StringComparison.Ordinal)));
        Assert.Equal(code.IndexOf('y'), instrumented.ToOriginal(instrumented.Text.IndexOf('y')));
        Assert.Equal(code.IndexOf('x'), instrumented.ToOriginal(instrumented.Text.IndexOf("global::", StringComparison.Ordinal)));
    }

    [Fact]
    public void Code_that_does_not_parse_is_left_as_it_is()
    {
        const string code = "while (true)";
        Assert.Equal(code, LoopInstrumenter.Instrument(code, CSharpSession.ParseOptions).Text);
    }
}
