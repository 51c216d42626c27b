using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RnnKit.Notebooks.Execution;

/// <summary>
/// Inserts <see cref="Interruption.Check"/> at the top of every loop body and every block body of a method, local
/// function, constructor, accessor, lambda or anonymous method in a cell, and before every <c>goto</c> (the only
/// other way back to earlier code), so an interrupted cell stops. Works on the
/// text: insertions never add a line break, so line numbers (of compile errors and stack traces) stay the cell's;
/// <see cref="Instrumented.ToOriginal"/> maps a position back for exact columns. A loop whose body is a single
/// statement gets braces around it.
/// </summary>
internal static class LoopInstrumenter
{
    public const string CheckCall = "global::RnnKit.Notebooks.Execution.Interruption.Check();";

    /// <param name="Text">The code to compile.</param>
    /// <param name="Insertions">(position in the original text, inserted length), in order.</param>
    public sealed record Instrumented(string Text, IReadOnlyList<(int Position, int Length)> Insertions)
    {
        /// <summary>The original position of <paramref name="position"/> in <see cref="Text"/>.</summary>
        public int ToOriginal(int position)
        {
            var shift = 0;
            foreach (var (at, length) in Insertions)
            {
                var start = at + shift;
                if (position < start) break;
                if (position < start + length) return at;
                shift += length;
            }
            return position - shift;
        }
    }

    public static Instrumented Instrument(string code, CSharpParseOptions options)
    {
        var tree = CSharpSyntaxTree.ParseText(code, options);
        // Code that does not parse is not run; instrumenting it could turn a missing statement into a valid one.
        if (tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error))
            return new Instrumented(code, []);
        var walker = new Walker();
        walker.Visit(tree.GetRoot());
        var inserts = walker.Inserts.OrderBy(i => i.Position).ThenBy(i => i.Order).ToList();

        var text = new System.Text.StringBuilder(code.Length + inserts.Sum(i => i.Text.Length));
        var at = 0;
        foreach (var insert in inserts)
        {
            text.Append(code, at, insert.Position - at).Append(insert.Text);
            at = insert.Position;
        }
        text.Append(code, at, code.Length - at);
        return new Instrumented(text.ToString(), inserts.Select(i => (i.Position, i.Text.Length)).ToList());
    }

    private readonly record struct Insert(int Position, string Text, int Order);

    private sealed class Walker() : CSharpSyntaxWalker(SyntaxWalkerDepth.Node)
    {
        public List<Insert> Inserts { get; } = [];

        public override void VisitWhileStatement(WhileStatementSyntax node) { Loop(node.Statement); base.VisitWhileStatement(node); }

        public override void VisitDoStatement(DoStatementSyntax node) { Loop(node.Statement); base.VisitDoStatement(node); }

        public override void VisitForStatement(ForStatementSyntax node) { Loop(node.Statement); base.VisitForStatement(node); }

        public override void VisitForEachStatement(ForEachStatementSyntax node) { Loop(node.Statement); base.VisitForEachStatement(node); }

        public override void VisitForEachVariableStatement(ForEachVariableStatementSyntax node) { Loop(node.Statement); base.VisitForEachVariableStatement(node); }

        public override void VisitGotoStatement(GotoStatementSyntax node)
        {
            // `goto again;` → `{Check();goto again;}`: a block is a statement wherever the goto was (a switch section too).
            Add(node.SpanStart, "{" + CheckCall);
            Add(node.Span.End, "}");
            base.VisitGotoStatement(node);
        }

        public override void VisitMethodDeclaration(MethodDeclarationSyntax node) { Body(node.Body); base.VisitMethodDeclaration(node); }

        public override void VisitLocalFunctionStatement(LocalFunctionStatementSyntax node) { Body(node.Body); base.VisitLocalFunctionStatement(node); }

        public override void VisitConstructorDeclaration(ConstructorDeclarationSyntax node) { Body(node.Body); base.VisitConstructorDeclaration(node); }

        public override void VisitAccessorDeclaration(AccessorDeclarationSyntax node) { Body(node.Body); base.VisitAccessorDeclaration(node); }

        public override void VisitOperatorDeclaration(OperatorDeclarationSyntax node) { Body(node.Body); base.VisitOperatorDeclaration(node); }

        public override void VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node) { Body(node.Block); base.VisitParenthesizedLambdaExpression(node); }

        public override void VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node) { Body(node.Block); base.VisitSimpleLambdaExpression(node); }

        public override void VisitAnonymousMethodExpression(AnonymousMethodExpressionSyntax node) { Body(node.Block); base.VisitAnonymousMethodExpression(node); }

        private void Loop(StatementSyntax body)
        {
            if (body is BlockSyntax block)
                Body(block);
            else
            {
                Add(body.SpanStart, "{" + CheckCall);
                Add(body.Span.End, "}");
            }
        }

        private void Body(BlockSyntax? block)
        {
            if (block is null || block.OpenBraceToken.IsMissing) return;
            Add(block.OpenBraceToken.Span.End, CheckCall);
        }

        private void Add(int position, string text) => Inserts.Add(new Insert(position, text, Inserts.Count));
    }
}
