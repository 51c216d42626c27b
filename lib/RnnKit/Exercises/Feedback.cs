namespace RnnKit.Exercises;

/// <summary>
/// Every message the exercise checks write, in each language the course speaks — the English original (tests assert
/// it byte for byte) beside its Simplified Chinese version, one pair per message, so a message is translated here or
/// nowhere. <see cref="Check"/> asks for a message; the language is the run's (<see cref="KitSettings.Language"/>: a
/// notebook's <c>rnnkit.language</c> under <c>rnnkit run</c>, <c>build</c> and <c>grade</c>, else
/// <c>RNNKIT_LANGUAGE</c>). Chinese terms are docs/glossary.md's. A check added later adds its pairs here.
/// </summary>
public static class Feedback
{
    /// <summary>The English text, or the Chinese one when the run's language is Chinese.</summary>
    public static string Say(string english, string chinese) => KitSettings.Current.InChinese ? chinese : english;

    // --- Claim: the words of a claim's line and of its failure -------------------------------------------------------

    internal static string ClaimBetween(string low, string high) => Say($"between {low} and {high}", $"介于 {low} 与 {high} 之间");

    internal static string ClaimDoesNotHold(string text, string measured, string condition) => Say(
        $"The claim \"{text}\" does not hold: measured {measured}, needs {condition}",
        $"断言“{text}”不成立：测得 {measured}，需要 {condition}");

    // --- rnnkit grade: the verdicts and the feedback page a student reads --------------------------------------------

    /// <summary>What a student version's stub throws until the exercise is done (<c>Exercise.NotDoneMessage</c> in English).</summary>
    public static string NotDone(string id) => Say($"Exercise {id}: not done yet", $"练习 {id}：尚未完成");

    public static string AllTestsPassed => Say("All tests passed.", "所有测试都通过了。");

    public static string NoAnswerCell(string id, string header) => Say(
        $"No answer cell for exercise {id}: keep the first line '{header}' in your answer cell.",
        $"找不到练习 {id} 的答案单元：请在答案单元里保留第一行 '{header}'。");

    public static string AnswerTimedOut(int cell, string? error) => Say(
        $"Your answer cell (cell {cell}) ran out of time ({error}); is there an endless loop?",
        $"你的答案单元（第 {cell} 个单元）超时了（{error}）；是不是有死循环？");

    public static string AnswerFailed(int cell, string? error) => Say(
        $"Your answer cell (cell {cell}) failed: {error}",
        $"你的答案单元（第 {cell} 个单元）运行出错：{error}");

    public static string TestTimedOut(string id, string? detail) => Say(
        $"A test of exercise {id} ran out of time: {detail}",
        $"练习 {id} 的一个测试超时了：{detail}");

    public static string TestTimedOutLoop(string id, string? detail) => Say(
        $"A test of exercise {id} ran out of time ({detail}); is there an endless loop?",
        $"练习 {id} 的一个测试超时了（{detail}）；是不是有死循环？");

    public static string ATestFailed => Say("a test failed", "有一个测试没有通过");

    public static string NotebookUnreadable(string message) => Say(
        $"Your notebook could not be read, so nothing in it was graded: {message}",
        $"无法读取你的笔记本，所以其中的内容都没有评分：{message}");

    public static string TeacherNeedsChange => Say(
        "This exercise could not be graded: the teacher's notebook needs a change. This is not a mark against you.",
        "这道练习无法评分：教师的笔记本需要修改。这不会扣你的分。");

    public static string CouldNotBeGraded(string? why) => Say(
        $"This exercise could not be graded: {why}. This is not a mark against you; your teacher will look at it.",
        $"这道练习无法评分：{why}。这不会扣你的分；老师会查看。");

    // --- rnnkit grade: what happened to a student's sandbox (the grader's words around the student's own errors) ----

    /// <summary>A notebook cell, counted from 1 as an editor shows it.</summary>
    public static string CellLabel(int cell) => Say($"cell {cell}", $"第 {cell} 个单元");

    /// <summary>The student's method or value <paramref name="name"/>, as the subject of a sentence.</summary>
    public static string Yours(string name) => Say($"your {name}", $"你的 {name}");

    public static string HandOver(string id) => Say($"hand-over of exercise {id}", $"练习 {id} 的交接");

    public static string TestCell(string id) => Say($"test cell of exercise {id}", $"练习 {id} 的测试单元");

    public static string TeachersAnswer(string id) => Say($"teacher's answer to exercise {id}", $"练习 {id} 的老师答案");

    public static string MethodThrew(string name, string error) => Say($"Your {name} threw {error}", $"你的 {name} 抛出了 {error}");

    public static string MethodAnsweredWith(string name, string what) => Say($"Your {name} answered with {what}", $"你的 {name} 返回了 {what}");

    public static string ValueUnreadable(string name, string error) => Say($"{name} could not be read: {error}", $"无法读取 {name}：{error}");

    public static string ValueIs(string name, string what) => Say($"{name} is {what}", $"{name} 是 {what}");

    public static string ArgumentsNotSent(string name, string why) => Say(
        $"the grader cannot send the arguments of {name} to the sandbox: {why} (a limit of the grader, not your answer: tell your teacher)",
        $"评分程序无法把 {name} 的参数发送到沙箱：{why}（这是评分程序的限制，不是你的答案的问题：请告诉老师）");

    public static string StoppedWhile(string what, string message) => Say(
        $"your sandbox was stopped while {what} ran: {message}",
        $"{what} 运行时你的沙箱被停止了：{message}");

    public static string CallTimedOut(string what, double seconds) => Say(
        $"{what} did not answer within {seconds:0.###} s, so its sandbox was stopped",
        $"{what} 在 {seconds:0.###} 秒内没有返回，所以它的沙箱被停止了");

    public static string NoAnswerWithin(double seconds) => Say($"no answer within {seconds:0.###} s", $"{seconds:0.###} 秒内没有回复");

    public static string CallFailed(string what, string message) => Say($"{Capital(what)}: {message}", $"{what}：{message}");

    /// <summary>What went wrong in a cell, after its label.</summary>
    public static string InCell(string label, string message) => Say($"{label}: {message}", $"{label}：{message}");

    public static string StoppedAfter(string what, string flood) => Say(
        $"your sandbox was stopped after {what} ran: {flood}; the sandbox was started again for what came after",
        $"{what} 运行后你的沙箱被停止了：{flood}；之后的内容在重新启动的沙箱中运行");

    public static string CallFlooded(string what, string flood) => Say(
        $"{Capital(what)} returned, but {flood}, so its sandbox was started again",
        $"{what} 返回了，但{flood}，所以它的沙箱被重新启动了");

    /// <summary>A cell (or generated code) that stopped the sandbox: what the teacher's notes and later verdicts cite.</summary>
    public static string StoppedIn(string label, string what) => Say($"your sandbox was stopped in {label}: {what}", $"你的沙箱在{label}中被停止了：{what}");

    /// <summary>What a teacher reads when a cell is left out of the student's session from now on.</summary>
    public static string LeftOut => Say(
        "the sandbox was started again without it, so it counts as failed and the cells after it ran in the new sandbox",
        "沙箱重新启动时跳过了它，所以它算作失败，它之后的单元在新的沙箱中运行");

    public static string StoppedTheNewOneToo => Say($"; it stopped the new sandbox too: {LeftOut}", $"；它把新的沙箱也停止了：{LeftOut}");

    public static string RunAgainInANewSandbox => Say("; the cell was run again in a new sandbox", "；这个单元已在新的沙箱中重新运行");

    public static string Flooded(string flood) => Say($"{flood}; {LeftOut}", $"{flood}；{LeftOut}");

    public static string CellTimedOutUnstoppable(string label, double seconds) => Say(
        $"{label} did not finish within {seconds:0.###} s and could not be stopped, so its sandbox was stopped",
        $"{label} 在 {seconds:0.###} 秒内没有结束，也无法停下，所以它的沙箱被停止了");

    public static string WhenRunAgain(string label) => Say($"{label} when it was run again", $"重新运行的{label}");

    /// <summary>The process ended with <paramref name="exitCode"/> (null: it was killed); <paramref name="tail"/> is its
    /// last lines of stderr, or empty.</summary>
    public static string ProcessEnded(int? exitCode, string tail)
    {
        var how = exitCode is { } code ? Say($"exit code {code}", $"退出码 {code}") : Say("killed", "被强制结束");
        return tail.Length == 0
            ? Say($"the sandboxed process ended ({how})", $"沙箱中的进程结束了（{how}）")
            : Say($"the sandboxed process ended ({how}): {tail}", $"沙箱中的进程结束了（{how}）：{tail}");
    }

    public static string ProcessForged(string what) => Say(
        $"the sandboxed process sent {what}, so it was stopped (replies come only from the grader's own code; forged or malformed ones fail)",
        $"沙箱中的进程发来了 {what}，所以它被停止了（回复只能来自评分程序自己的代码；伪造或格式错误的回复一律无效）");

    public static string BeforeThis(IEnumerable<string> incidents) => Say(
        $" (Before this: {string.Join("; ", incidents)}.)",
        $"（在此之前：{string.Join("；", incidents)}。）");

    public static string HandOverFailed(IEnumerable<string> declarations, string? error) => Say(
        $"it must declare {string.Join(" and ", declarations)} as the exercise gave them, but handing them to the grader failed: {error}",
        $"它必须按练习给出的样子声明 {string.Join(" 和 ", declarations)}，但把它们交给评分程序时失败了：{error}");

    public static string Shadows(int cell, string name, string full) => Say(
        $"Note: your cell {cell} declares '{name}', which hides the kit's {full} in your notebook; " +
        "the grader ran the teacher's tests with the kit's own, so it changed nothing here.",
        $"注意：你的第 {cell} 个单元声明了 '{name}'，它在你的笔记本中遮住了工具包的 {full}；" +
        "评分程序用工具包自己的版本运行老师的测试，所以这里没有受影响。");

    public static string ThreadsUntilLimits(string running) => Say(
        $"it started threads until the sandbox's limits were reached and left {running} running (a sandbox allows " +
        "a limited number of processes and threads, and every thread's stack counts against its memory)",
        $"它不断启动线程，直到达到沙箱的限制，留下 {running} 个线程在运行（沙箱允许的进程和线程数有限，每个线程的栈都计入内存）");

    public static string ThreadsLeftRunning(string running, string lingering) => Say(
        $"it left {running} threads running; at most {lingering} may outlive a cell or call",
        $"它留下 {running} 个线程在运行；一个单元或调用结束后最多只能留下 {lingering} 个");

    public static string NoThreadCanStart(string running) => Say(
        $"it left {running} threads running and no further thread could start (the sandbox's limits on processes " +
        "and threads, or on memory, which every thread's stack uses, were reached)",
        $"它留下 {running} 个线程在运行，再也无法启动新线程（已达到沙箱对进程和线程数或内存的限制，每个线程的栈都要占用内存）");

    // --- a cell stopped (rnnkit run, build, a kernel, a sandbox): why its time ran out or it was interrupted -------

    public static string CellTimedOut(string label, double seconds, string stopped) => Say(
        $"{label} did not finish within {seconds:0.###} s and {stopped}",
        $"{label} 在 {seconds:0.###} 秒内没有结束，{stopped}");

    /// <summary>A cell interrupted (by the user or the grader); <paramref name="stopped"/> is null when it ended at once.</summary>
    public static string CellInterrupted(string label, string? stopped) => stopped is null
        ? Say($"{label} was interrupted", $"{label} 被中断了")
        : Say($"{label} was interrupted but {stopped}", $"{label} 被中断了，但{stopped}");

    public static string WasStopped => Say("was stopped", "已被停止");

    public static string StoppedAtAwait => Say(
        "was stopped at an await; the awaited operation is not cancelled (the cell's later outputs are dropped)",
        "在一个 await 处被停止；所等待的操作没有被取消（这个单元之后的输出都被丢弃）");

    public static string CouldNotBeStopped => Say(
        "could not be stopped: it is inside a call that does not check for interruption and keeps running in the background (its outputs are dropped)",
        "无法停下：它正在执行一个不检查中断的调用，会在后台继续运行（它的输出都被丢弃）");

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>The words of the feedback page: title, submission line, score, table head and each status.</summary>
    public static string PageTitle => Say("Feedback", "评分反馈");

    public static string PageSubmission(string file, string? source) => Say(
        $"Submission <code>{file}</code>" + (source is null ? "" : $", graded against <code>{source}</code>") + ".",
        $"提交的文件 <code>{file}</code>" + (source is null ? "" : $"，按 <code>{source}</code> 评分") + "。");

    public static string PageScore(int score, int max) => Say($"Score: {score} / {max}", $"得分：{score} / {max}");

    public static string PageHead => Say(
        "<tr><th>Exercise</th><th>Points</th><th>Result</th><th>Feedback</th></tr>",
        "<tr><th>练习</th><th>分数</th><th>结果</th><th>反馈</th></tr>");

    public static string Status(string status) => KitSettings.Current.InChinese
        ? status switch { "passed" => "通过", "failed" => "未通过", "error" => "出错", "timeout" => "超时", "missing" => "缺失", _ => status }
        : status;

    // --- Check: shapes, values, numbers --------------------------------------------------------------------------

    internal static string ShapeExpected(string name, string shape, int rows, int columns) => Say(
        $"{name} has shape {shape}, expected ({rows}, {columns}).",
        $"{name} 的形状是 {shape}，应为 ({rows}, {columns})。");

    internal static string ShapeExpected(string name, string shape, string expected) => Say(
        $"{name} has shape {shape}, expected {expected}.",
        $"{name} 的形状是 {shape}，应为 {expected}。");

    internal static string ValueExpected(string name, string actual, string expected) => Say(
        $"{name} is {actual}, expected {expected}.",
        $"{name} 是 {actual}，应为 {expected}。");

    internal static string NaNExpected(string name, string expected) => Say(
        $"{name} is NaN, expected {expected}. Look for a division by zero or the log of a non-positive number.",
        $"{name} 是 NaN，应为 {expected}。检查是否除以了零，或对非正数取了对数。");

    internal static string NumberExpected(string name, string actual, string expected, string difference) => Say(
        $"{name} is {actual}, expected {expected} (difference {difference}).",
        $"{name} 是 {actual}，应为 {expected}（相差 {difference}）。");

    internal static string NotFinite(string name, int row, int column, string value) => Say(
        $"{name}[{row}, {column}] is {value}; every entry must be a finite number.",
        $"{name}[{row}, {column}] 是 {value}；每个元素都必须是有限的数。");

    internal static string IsNull(string name) => Say(
        $"{name} is null; did you forget to return it?",
        $"{name} 是 null；是不是忘了 return 它？");

    internal static string Entry(int row, int column, string actual, string expected) => Say(
        $"[{row}, {column}] is {actual}, expected {expected}",
        $"[{row}, {column}] 是 {actual}，应为 {expected}");

    internal static string EntriesWrong(string name, string shape, int wrong, int total, string maxDiff, string entries) => Say(
        $"{name} has the right shape {shape} but {wrong} of {total} entries are wrong (max abs diff {maxDiff}): {entries}.",
        $"{name} 的形状 {shape} 是对的，但 {total} 个元素中有 {wrong} 个不对（最大绝对误差 {maxDiff}）：{entries}。");

    /// <summary>What separates the listed wrong entries ("; ").</summary>
    internal static string ListSeparator => Say("; ", "；");

    // --- Check.Isolating: which term is at fault -------------------------------------------------------------------

    internal static string TermAtFault(string name, string input, string hint, string details) => Say(
        $"{name} is wrong; with {input} = 0 it is right, so {hint}. Details: {details}",
        $"{name} 不对；令 {input} = 0 后就对了，所以{hint}。详细信息：{details}");

    internal static string TermsCombine(string name, string zeroed, string hints, string details) => Say(
        $"{name} is wrong; it becomes right when any one of {zeroed}, so the mistake is in how these terms combine: {hints}. Details: {details}",
        $"{name} 不对；{zeroed} 中任意一个成立时它就对了，所以错误在于这些项的组合方式：{hints}。详细信息：{details}");

    internal static string NoTermExplains(string name, string zeroed, string details) => Say(
        $"{name} is wrong, and still wrong with {zeroed}, so look at the activation and the order of the products. Details: {details}",
        $"{name} 不对，令 {zeroed} 后仍然不对，所以请检查激活函数和乘积的顺序。详细信息：{details}");

    /// <summary>Joins "ba = 0" items: ", " for "any one of", " or " for "still wrong with".</summary>
    internal static string Comma => Say(", ", "、");

    internal static string Or => Say(" or ", " 或 ");

    /// <summary>Between sentences: a space in English, nothing after a Chinese full stop.</summary>
    internal static string SentenceGap => Say(" ", "");

    // --- Check.RnnStep --------------------------------------------------------------------------------------------

    internal static string NoActivation => Say(
        "a_next equals Wax·xt + Waa·a_prev + ba without the activation; apply tanh to it.",
        "a_next 等于 Wax·xt + Waa·a_prev + ba，少了激活函数；请对它取 tanh。");

    internal static string SigmoidActivation => Say(
        "a_next equals sigmoid(Wax·xt + Waa·a_prev + ba); the RNN cell's activation is tanh.",
        "a_next 等于 sigmoid(Wax·xt + Waa·a_prev + ba)；RNN 单元的激活函数是 tanh。");

    internal static string RnnStepShape(string shape, int nx, int na, int m) => Say(
        $"a_next has shape {shape}, expected ({na}, {m}) = (n_a, m): one column per example. " +
        $"Here xt is ({nx}, {m}), a_prev ({na}, {m}), Wax ({na}, {nx}), Waa ({na}, {na}), ba ({na}, 1).",
        $"a_next 的形状是 {shape}，应为 ({na}, {m}) = (n_a, m)：每个样本占一列。" +
        $"这里 xt 是 ({nx}, {m})，a_prev 是 ({na}, {m})，Wax 是 ({na}, {nx})，Waa 是 ({na}, {na})，ba 是 ({na}, 1)。");

    internal static string RnnBiasHint => Say(
        "look at how you add the bias ba: it is (n_a, 1) and is added to every column",
        "请检查偏置 ba 是怎么加上的：它是 (n_a, 1)，要加到每一列上");

    internal static string RnnInputTermHint => Say("look at the input term Wax·xt", "请检查输入项 Wax·xt");

    internal static string RnnRecurrentTermHint => Say("look at the recurrent term Waa·a_prev", "请检查循环项 Waa·a_prev");

    // --- the backward checks: gradients named one by one ----------------------------------------------------------

    internal static string GradientWrong(string name, string hint) => Say($"{name} is wrong: {hint}.", $"{name} 不对：{hint}。");

    internal static string GradientShapeHint(string name, string hint) => Say($"{name}: {hint}", $"{name}：{hint}");

    internal static string Gradients(string what, string wrong, string right) => Say(
        $"{what}: {wrong}" + (right.Length > 0 ? $" Right already: {right}." : ""),
        $"{what}：{wrong}" + (right.Length > 0 ? $"已经正确的：{right}。" : ""));

    internal static string ItHasShape(string shape, string expected) => Say(
        $"it has shape {shape}, expected {expected}",
        $"它的形状是 {shape}，应为 {expected}");

    internal static string Transposed(string shapes) => Say(
        $"{shapes} — the transpose: swap the two factors of the product (or transpose both).",
        $"{shapes} —— 正好是转置：交换乘积的两个因子（或把两者都转置）。");

    internal static string BiasNotSummed(string shapes, int examples) => Say(
        $"{shapes}: a bias gradient sums over the {examples} examples (the columns) to one column.",
        $"{shapes}：偏置的梯度要对 {examples} 个样本（各列）求和，得到一列。");

    internal static string SummedOverUnits(string shapes) => Say(
        $"{shapes}: it was summed over the hidden units (rows); sum over the examples (columns) instead.",
        $"{shapes}：它是对隐藏单元（各行）求和的；应当对样本（各列）求和。");

    internal static string ShapesOnly(string shapes) => Say($"{shapes}.", $"{shapes}。");

    internal static string MismatchedProduct(string what, string exception, string message) => Say(
        $"{what} threw {exception}: {message} A matrix product's inner sizes do not agree — check which factor " +
        "needs a transpose (the shapes of every input are in the exercise's statement).",
        $"{what} 抛出了 {exception}：{message} 矩阵乘积的内侧维度不一致——请检查哪个因子需要转置（每个输入的形状都写在练习的说明里）。");

    internal static string ReturnedNull(string what) => Say(
        $"{what} returned null; did you forget to return the gradients?",
        $"{what} 返回了 null；是不是忘了 return 梯度？");

    internal static string WrongStepCount(string what, int count, int steps) => Say(
        $"{what} returned {count} input gradients dx, expected {steps}: one per time step.",
        $"{what} 返回了 {count} 个输入梯度 dx，应为 {steps} 个：每个时间步一个。");

    // --- Check.RnnForward ------------------------------------------------------------------------------------------

    internal static string ForwardReturnedNull => Say(
        "RnnForward returned null; did you forget to return the states, predictions and caches?",
        "RnnForward 返回了 null；是不是忘了 return 各隐状态、预测值和缓存？");

    internal static string ForwardReturnedNo(string name) => Say(
        $"RnnForward returned no {name} (null); it holds one entry per time step.",
        $"RnnForward 没有返回 {name}（null）；它每个时间步应有一项。");

    internal static string ForwardCountWithA0(int count, string name, int steps) => Say(
        $"RnnForward returned {count} entries in {name}, expected {steps}: one per time step t = 1 … T_x. " +
        "a⟨0⟩ is the starting state you were given, not a step's result: do not add it to the list.",
        $"RnnForward 在 {name} 中返回了 {count} 项，应为 {steps} 项：每个时间步 t = 1 … T_x 一项。" +
        "a⟨0⟩ 是给定的初始隐状态，不是某一步的结果：不要把它放进列表。");

    internal static string ForwardCount(int count, string name, int steps) => Say(
        $"RnnForward returned {count} entries in {name}, expected {steps}: one per time step (T_x = {steps}).",
        $"RnnForward 在 {name} 中返回了 {count} 项，应为 {steps} 项：每个时间步一项（T_x = {steps}）。");

    internal static string ForwardNullCache => Say(
        "RnnForward: a cache is null; every step keeps new RnnCellCache(a_next, a_prev, xt, Wax, Waa, ba).",
        "RnnForward：有一个缓存是 null；每一步都要保存 new RnnCellCache(a_next, a_prev, xt, Wax, Waa, ba)。");

    internal static string WrongOrder => Say(
        "the steps run in the wrong order — the loop must read x⟨1⟩ first (t = 0 in the list) and " +
        "walk forward to x⟨T_x⟩, each step starting from the state the step before it left",
        "各步的顺序不对——循环必须先读 x⟨1⟩（列表中的 t = 0），再一直向前走到 x⟨T_x⟩，每一步都从前一步留下的隐状态出发");

    internal static string ZeroStart => Say(
        "the first step starts from zeros; it starts from the a0 you were given (a⟨0⟩)",
        "第一步从零开始了；它应从给定的 a0（a⟨0⟩）开始");

    internal static string StateNotCarried => Say(
        "every step starts from a⟨0⟩; the state must be carried: step t reads a⟨t−1⟩, the state the step before it returned",
        "每一步都从 a⟨0⟩ 开始了；隐状态必须传递下去：第 t 步读取 a⟨t−1⟩，即前一步返回的隐状态");

    internal static string CacheHoldsANext => Say(
        "the cache holds a⟨t⟩ where a⟨t−1⟩ belongs — keep the state the step started from (a_prev) before you overwrite it with a_next",
        "缓存中该放 a⟨t−1⟩ 的地方放了 a⟨t⟩——在用 a_next 覆盖之前，先保存这一步出发时的隐状态（a_prev）");

    internal static string PredictionFromPrevious => Say(
        "the prediction is read from a⟨t−1⟩; ŷ⟨t⟩ = softmax(Wya·a⟨t⟩ + by) uses the state this step has just computed",
        "预测值是从 a⟨t−1⟩ 读出的；ŷ⟨t⟩ = softmax(Wya·a⟨t⟩ + by) 用的是这一步刚算出的隐状态");

    internal static string NoSoftmax => Say(
        "the prediction has no softmax: ŷ⟨t⟩ = softmax(Wya·a⟨t⟩ + by), each column a distribution summing to 1",
        "预测值少了 softmax：ŷ⟨t⟩ = softmax(Wya·a⟨t⟩ + by)，每一列都是和为 1 的分布");

    internal static string NoBa => Say(
        "the bias ba is missing from the state: a⟨t⟩ = tanh(Wax·x⟨t⟩ + Waa·a⟨t−1⟩ + ba), ba added to every column",
        "隐状态中少了偏置 ba：a⟨t⟩ = tanh(Wax·x⟨t⟩ + Waa·a⟨t−1⟩ + ba)，ba 要加到每一列上");

    internal static string NoBy => Say(
        "the bias by is missing from the prediction: ŷ⟨t⟩ = softmax(Wya·a⟨t⟩ + by), by added to every column",
        "预测值中少了偏置 by：ŷ⟨t⟩ = softmax(Wya·a⟨t⟩ + by)，by 要加到每一列上");

    internal static string ValueWrong(string name, int more) => Say(
        $"{name} is wrong" + (more > 0 ? $" (and {more} more values)" : ""),
        $"{name} 不对" + (more > 0 ? $"（另有 {more} 个值也不对）" : ""));

    internal static string SequenceMistake(string what, string place, string hint, string right) => Say(
        $"{what}: {place}: {hint}." + (right.Length > 0 ? $" Right already: {right}." : ""),
        $"{what}：{place}：{hint}。" + (right.Length > 0 ? $"已经正确的：{right}。" : ""));

    // --- Check.RnnCellBackward and Check.RnnBackward --------------------------------------------------------------

    internal static string NoTanhDerivative => Say(
        "the tanh derivative is missing — every gradient goes through dz = (1 − a⟨t⟩²) ⊙ da_next first",
        "缺少 tanh 的导数——每个梯度都要先经过 dz = (1 − a⟨t⟩²) ⊙ da_next");

    internal static string DerivativeAtPreviousState => Say(
        "the tanh derivative is taken at a⟨t−1⟩; it is 1 − a⟨t⟩², the square of this step's own output a_next",
        "tanh 的导数是在 a⟨t−1⟩ 处取的；它应是 1 − a⟨t⟩²，即这一步自己的输出 a_next 的平方");

    internal static string DerivativeNotSquared => Say(
        "the tanh derivative is written 1 − a⟨t⟩; it is 1 − a⟨t⟩² (tanh′(z) = 1 − tanh(z)²)",
        "tanh 的导数写成了 1 − a⟨t⟩；它应是 1 − a⟨t⟩²（tanh′(z) = 1 − tanh(z)²）");

    internal static string DWaaWithANext => Say(
        "dWaa uses a⟨t⟩; the recurrent weights multiplied a⟨t−1⟩ in the forward step, so dWaa = dz · a_prevᵀ",
        "dWaa 用了 a⟨t⟩；前向一步中循环权重乘的是 a⟨t−1⟩，所以 dWaa = dz · a_prevᵀ");

    internal static string BiasAveraged => Say(
        "dba is divided by the number of examples; the bias gradient is the sum of dz over the examples, not the mean",
        "dba 除以了样本数；偏置的梯度是 dz 对各样本的和，不是平均值");

    internal static string NotCarried => Say(
        "the gradient from the next step is not added: step t's cell gets da⟨t⟩ + da_prev, the da_prev " +
        "that step t+1's backward returned (zero for the last step)",
        "没有加上来自下一步的梯度：第 t 步的单元得到的是 da⟨t⟩ + da_prev，其中 da_prev 是第 t+1 步的反向传播返回的值（最后一步为零）");

    internal static string ForwardInTime => Say(
        "the loop runs forward in time; backpropagation through time starts at the last step, " +
        "t = T_x − 1, and walks back to t = 0",
        "循环是沿时间正向走的；通过时间反向传播从最后一步 t = T_x − 1 开始，倒着走回 t = 0");

    internal static string Overwritten => Say(
        "the weight gradients keep only one step's share: add every step's dWax, dWaa, dba (+=)",
        "权重梯度只保留了一步的贡献：要把每一步的 dWax、dWaa、dba 累加起来（+=）");

    internal static string InTheCellStep(string hint) => Say($"in the cell's backward step, {hint}", $"在单元的反向一步中，{hint}");

    // --- Check.LstmCellForward and Check.LstmCellBackward ---------------------------------------------------------

    internal static string ConcatenationSwapped => Say(
        "the concatenation is [x⟨t⟩; a⟨t−1⟩]; the weights read [a⟨t−1⟩; x⟨t⟩], the previous state on top",
        "拼接写成了 [x⟨t⟩; a⟨t−1⟩]；权重读取的是 [a⟨t−1⟩; x⟨t⟩]，上一个隐状态在上");

    internal static string SigmoidCandidate => Say(
        "the candidate c̃ is squashed with σ; it uses tanh, so it can be negative",
        "候选值 c̃ 用了 σ；它应当用 tanh，所以可以是负数");

    internal static string GatesSwapped => Say(
        "the forget and update gates are swapped: c⟨t⟩ = Γf ⊙ c⟨t−1⟩ + Γi ⊙ c̃",
        "遗忘门和更新门用反了：c⟨t⟩ = Γf ⊙ c⟨t−1⟩ + Γi ⊙ c̃");

    internal static string NoTanhOfCell => Say(
        "the tanh of the cell is missing: a⟨t⟩ = Γo ⊙ tanh(c⟨t⟩)",
        "缺少细胞状态的 tanh：a⟨t⟩ = Γo ⊙ tanh(c⟨t⟩)");

    internal static string TanhGates => Say(
        "the gates are squashed with tanh; a gate is a σ, between 0 and 1",
        "门用了 tanh；门是 σ，取值在 0 和 1 之间");

    internal static string ForgetWithoutPreviousCell => Say(
        "the forget gate's gradient is missing c⟨t−1⟩: the gate multiplied c⟨t−1⟩, so dΓf = dc ⊙ c⟨t−1⟩ (then ⊙ Γf(1 − Γf))",
        "遗忘门的梯度少了 c⟨t−1⟩：这个门乘的是 c⟨t−1⟩，所以 dΓf = dc ⊙ c⟨t−1⟩（再 ⊙ Γf(1 − Γf)）");

    internal static string NoPathThroughOutput => Say(
        "the cell's gradient misses the path through a⟨t⟩: dc = dc_next + da_next ⊙ Γo ⊙ (1 − tanh²(c⟨t⟩))",
        "细胞状态的梯度少了经过 a⟨t⟩ 的那条路径：dc = dc_next + da_next ⊙ Γo ⊙ (1 − tanh²(c⟨t⟩))");

    internal static string PreviousCellWithoutForget => Say(
        "dc_prev is missing the forget gate: dc_prev = dc ⊙ Γf",
        "dc_prev 少了遗忘门：dc_prev = dc ⊙ Γf");

    internal static string NoTanhDerivativeOfCell => Say(
        "the derivative of tanh(c⟨t⟩) is missing on the way from a⟨t⟩ to c⟨t⟩: ⊙ (1 − tanh²(c⟨t⟩))",
        "从 a⟨t⟩ 到 c⟨t⟩ 的路上缺少 tanh(c⟨t⟩) 的导数：⊙ (1 − tanh²(c⟨t⟩))");

    internal static string GateDerivativeWithoutComplement => Say(
        "a gate's derivative is written Γ; σ′ = Γ ⊙ (1 − Γ)",
        "门的导数写成了 Γ；σ′ = Γ ⊙ (1 − Γ)");

    // --- Check.GruCellBackward ------------------------------------------------------------------------------------

    internal static string UpdateSignFlipped => Say(
        "the update gate's gradient has the wrong sign: h⟨t⟩ = (1 − z) ⊙ n + z ⊙ h⟨t−1⟩, so dz = dh ⊙ (h⟨t−1⟩ − n)",
        "更新门的梯度符号反了：h⟨t⟩ = (1 − z) ⊙ n + z ⊙ h⟨t−1⟩，所以 dz = dh ⊙ (h⟨t−1⟩ − n)");

    internal static string NoDirectPath => Say(
        "dh_prev misses the direct path: h⟨t−1⟩ also reaches h⟨t⟩ through z ⊙ h⟨t−1⟩, which adds z ⊙ dh",
        "dh_prev 少了直连路径：h⟨t−1⟩ 还通过 z ⊙ h⟨t−1⟩ 直接到达 h⟨t⟩，这会加上 z ⊙ dh");

    internal static string CandidateWithZ => Say(
        "the candidate's share of dh is weighted by z; it is weighted by 1 − z: dn = dh ⊙ (1 − z)",
        "候选隐状态分到的 dh 用 z 加权了；应当用 1 − z 加权：dn = dh ⊙ (1 − z)");

    internal static string ResetWithoutHiddenBias => Say(
        "the reset gate's gradient leaves out b_hn: r scaled W_hn h⟨t−1⟩ + b_hn, so dr = dn_pre ⊙ (W_hn h⟨t−1⟩ + b_hn)",
        "重置门的梯度漏掉了 b_hn：r 缩放的是 W_hn h⟨t−1⟩ + b_hn，所以 dr = dn_pre ⊙ (W_hn h⟨t−1⟩ + b_hn)");

    internal static string WhnWithoutReset => Say(
        "W_hn's gradient misses the reset gate: its product was scaled by r, so dW_hn = (dn_pre ⊙ r) h⟨t−1⟩ᵀ",
        "W_hn 的梯度少了重置门：它的乘积被 r 缩放过，所以 dW_hn = (dn_pre ⊙ r) h⟨t−1⟩ᵀ");

    internal static string CandidateTanhDerivative => Say(
        "the candidate's tanh derivative is missing: dn_pre = dn ⊙ (1 − n²)",
        "缺少候选隐状态的 tanh 导数：dn_pre = dn ⊙ (1 − n²)");

    // --- Check.AttentionBackward ----------------------------------------------------------------------------------

    internal static string AttentionShapes(int nh, int tx) => Say(
        $"Here dc has {nh} entries (n_h), α {tx} (T_x) and H is ({nh}, {tx}) = (n_h, T_x), one column per encoder state.",
        $"这里 dc 有 {nh} 个元素（n_h），α 有 {tx} 个（T_x），H 是 ({nh}, {tx}) = (n_h, T_x)，每个编码器状态占一列。");

    internal static string AttentionStopped(string message, string shapes) => Say(
        $"your backward pass stopped with \"{message}\". {shapes} A product whose dimensions do not match is " +
        "usually a transposed one: write down the shape of each factor — dα has one entry per encoder position, dH the shape of H.",
        $"你的反向传播在 \"{message}\" 处停下了。{shapes} 维度对不上的乘积通常是转置错了：写下每个因子的形状——" +
        "dα 每个编码器位置一个元素，dH 与 H 形状相同。");

    internal static string ScoresCount(string name, int count, int tx, string shapes) => Say(
        $"{name} has {count} entries, expected {tx} = T_x: one per encoder position, like the scores e. {shapes}",
        $"{name} 有 {count} 个元素，应为 {tx} = T_x：每个编码器位置一个，和分数 e 一样。{shapes}");

    internal static string ScoresAreDAlpha => Say(
        "dScores equals ∂L/∂α = Hᵀ·dc: the gradient with respect to the attention weights α, not the scores e. " +
        "Carry it back through the softmax, whose Jacobian is ∂α_j/∂e_i = α_i (δ_ij − α_j).",
        "dScores 等于 ∂L/∂α = Hᵀ·dc：这是对注意力权重 α 的梯度，而不是对分数 e 的。" +
        "还要把它穿过 softmax 传回去，softmax 的雅可比矩阵是 ∂α_j/∂e_i = α_i (δ_ij − α_j)。");

    internal static string ScoresMissCrossTerm => Say(
        "dScores equals α ∘ dα: the softmax Jacobian is missing its −α_i α_j term. " +
        "∂α_j/∂e_i = α_i (δ_ij − α_j): raising one score lowers every other weight, so subtract Σ_j α_j dα_j before multiplying by α_i.",
        "dScores 等于 α ∘ dα：softmax 的雅可比矩阵少了 −α_i α_j 项。" +
        "∂α_j/∂e_i = α_i (δ_ij − α_j)：提高一个分数会降低其他所有权重，所以在乘以 α_i 之前要先减去 Σ_j α_j dα_j。");

    internal static string ScoresMissAlpha => Say(
        "dScores equals dα − Σ_j α_j dα_j: the factor α_i of the softmax Jacobian is missing; multiply entry i by α_i.",
        "dScores 等于 dα − Σ_j α_j dα_j：少了 softmax 雅可比矩阵中的因子 α_i；把第 i 个元素乘以 α_i。");

    internal static string ScoresCrossTermSign => Say(
        "dScores has the −α_i α_j term of the softmax Jacobian with the wrong sign: it is dα_i − Σ_j α_j dα_j, a minus.",
        "dScores 中 softmax 雅可比矩阵的 −α_i α_j 项符号反了：应是 dα_i − Σ_j α_j dα_j，是减号。");

    internal static string ScoresSign => Say(
        "dScores has the wrong sign everywhere; L grows with c along dc, so follow the chain rule without a minus in front.",
        "dScores 处处符号都反了；L 沿 dc 方向随 c 增大，所以按链式法则推导，前面不要加负号。");

    internal static string ScoresInTwoSteps(string problem) => Say(
        $"{problem} Work in two steps: dα = ∂L/∂α from c = H·α, then dScores_i = Σ_j (∂α_j/∂e_i)·dα_j with ∂α_j/∂e_i = α_i (δ_ij − α_j).",
        $"{problem} 分两步做：先由 c = H·α 求 dα = ∂L/∂α，再求 dScores_i = Σ_j (∂α_j/∂e_i)·dα_j，其中 ∂α_j/∂e_i = α_i (δ_ij − α_j)。");

    internal static string KeysTransposed(int tx, int nh) => Say(
        $"dH is the transpose of the right answer: you computed α·dcᵀ, ({tx}, {nh}). c = H·α, so ∂L/∂H = dc·αᵀ, " +
        $"shape ({nh}, {tx}) = (n_h, T_x) like H: column i is α_i·dc.",
        $"dH 是正确答案的转置：你算的是 α·dcᵀ，({tx}, {nh})。c = H·α，所以 ∂L/∂H = dc·αᵀ，" +
        $"形状 ({nh}, {tx}) = (n_h, T_x)，与 H 相同：第 i 列是 α_i·dc。");

    internal static string KeysWithScores => Say(
        "dH equals dc·dScoresᵀ: it uses the score gradient where it needs the weights. Through the " +
        "weighted sum c = Σ_i α_i h_i, ∂L/∂h_i = α_i·dc (what the scores add is the score function's own backward).",
        "dH 等于 dc·dScoresᵀ：该用权重的地方用了分数的梯度。经过加权和 c = Σ_i α_i h_i，∂L/∂h_i = α_i·dc" +
        "（分数带来的那一部分属于分数函数自己的反向传播）。");

    internal static string KeysWithDAlpha => Say(
        "dH equals dc·dαᵀ: it uses ∂L/∂α where it needs α itself. Through c = Σ_i α_i h_i, ∂L/∂h_i = α_i·dc.",
        "dH 等于 dc·dαᵀ：该用 α 本身的地方用了 ∂L/∂α。经过 c = Σ_i α_i h_i，∂L/∂h_i = α_i·dc。");

    internal static string KeysUnweighted => Say(
        "every column of dH equals dc: h_i enters c with the weight α_i, so column i is α_i·dc.",
        "dH 的每一列都等于 dc：h_i 以权重 α_i 进入 c，所以第 i 列是 α_i·dc。");

    internal static string KeysLinear(string problem, string shapes) => Say(
        $"{problem} c = H·α = Σ_i α_i h_i is linear in H: column i of dH is what h_i receives, and h_i enters c with the weight α_i. {shapes}",
        $"{problem} c = H·α = Σ_i α_i h_i 对 H 是线性的：dH 的第 i 列就是 h_i 收到的梯度，而 h_i 以权重 α_i 进入 c。{shapes}");

    // --- Check.Terms: a mistake that fits every term ------------------------------------------------------------------

    internal static string MoreNames(string shown, int more) => Say($"{shown} and {more} more", $"{shown} 等（另有 {more} 个）");

    internal static string TermsMistake(string what, string names, int wrong, string hint, string right) => Say(
        $"{what}: {names} {(wrong == 1 ? "is" : "are")} wrong: {hint}." + (right.Length > 0 ? $" Right already: {right}." : ""),
        $"{what}：{names} 不对：{hint}。" + (right.Length > 0 ? $" 已经正确的：{right}。" : ""));

    // --- Check.AdamStep ---------------------------------------------------------------------------------------------

    internal static string AdamStepAt(int t, string alpha, string beta1, string beta2, string epsilon) => Say(
        $"AdamStep at t = {t} (α = {alpha}, β₁ = {beta1}, β₂ = {beta2}, ε = {epsilon})",
        $"AdamStep 在 t = {t} 时（α = {alpha}，β₁ = {beta1}，β₂ = {beta2}，ε = {epsilon}）");

    internal static string AdamReturnedNull(string what) => Say(
        $"{what} returned null; did you forget to return new AdamStepResult(w, m, v, mHat, vHat)?",
        $"{what} 返回了 null；是不是忘了 return new AdamStepResult(w, m, v, mHat, vHat)？");

    internal static string AdamNoCorrection => Say(
        "m̂ and v̂ are not bias-corrected: m̂ = m / (1 − β₁ᵗ), v̂ = v / (1 − β₂ᵗ)",
        "m̂ 和 v̂ 没有做偏差修正：m̂ = m / (1 − β₁ᵗ)，v̂ = v / (1 − β₂ᵗ)");

    internal static string AdamPowerPlusOne => Say(
        "the correction uses βᵗ⁺¹; at step t it divides by 1 − βᵗ, with t counting from 1",
        "修正用了 βᵗ⁺¹；第 t 步应除以 1 − βᵗ，t 从 1 开始计数");

    internal static string AdamWithoutPower => Say(
        "the correction divides by 1 − β; it divides by 1 − βᵗ, which tends to 1 as t grows",
        "修正除以的是 1 − β；应除以 1 − βᵗ，它随 t 增大趋于 1");

    internal static string AdamVOfG => Say(
        "v averages g, not g²: v = β₂·v + (1 − β₂)·g², squared entry by entry",
        "v 平均的是 g 而不是 g²：v = β₂·v + (1 − β₂)·g²，逐元素平方");

    internal static string AdamMWithoutOneMinus => Say(
        "m adds the whole gradient: the moving average is m = β₁·m + (1 − β₁)·g",
        "m 加上了整个梯度：滑动平均是 m = β₁·m + (1 − β₁)·g");

    internal static string AdamVWithoutOneMinus => Say(
        "v adds the whole g²: the moving average is v = β₂·v + (1 − β₂)·g²",
        "v 加上了整个 g²：滑动平均是 v = β₂·v + (1 − β₂)·g²");

    internal static string AdamEpsilonInside => Say(
        "ε is added inside the square root; Adam divides by √v̂ + ε",
        "ε 加在了平方根里面；Adam 除以的是 √v̂ + ε");

    internal static string AdamNoRoot => Say(
        "the update divides by v̂ + ε; it divides by √v̂ + ε, the root of the mean square",
        "更新除以的是 v̂ + ε；应除以 √v̂ + ε，即均方的平方根");

    internal static string AdamUpdateFromUncorrected => Say(
        "the update reads m and v; it reads the corrected m̂ and v̂: w − α·m̂ / (√v̂ + ε)",
        "更新用的是 m 和 v；应使用修正后的 m̂ 和 v̂：w − α·m̂ / (√v̂ + ε)");

    internal static string AdamCorrectedKept => Say(
        "the m and v you return are the corrected m̂ and v̂; return m and v themselves (uncorrected) — " +
        "the next step builds on them, the correction is only for the update",
        "你返回的 m 和 v 是修正后的 m̂ 和 v̂；应返回未修正的 m 和 v 本身——下一步在它们的基础上继续，修正只用于这一步的更新");

    internal static string AdamUphill => Say(
        "the step goes uphill: w − α·m̂ / (√v̂ + ε), a minus sign",
        "这一步在往上坡走：w − α·m̂ / (√v̂ + ε)，是减号");

    // --- Check.LastStateBackward ------------------------------------------------------------------------------------

    internal static string ReaderWhat(int steps, string lengths) => Say(
        $"LastStateBackward (T = {steps}, lengths {lengths})",
        $"LastStateBackward（T = {steps}，长度 {lengths}）");

    internal static string ReaderDxCount(string what, int count, int steps) => Say(
        $"{what} returned {count} input gradients dx, expected {steps}: one per step of the padded batch.",
        $"{what} 返回了 {count} 个输入梯度 dx，应为 {steps} 个：填充后的批次每一步一个。");

    internal static string ReaderAtPaddedEnd => Say(
        "every sequence is read at the padded end T; sequence b is classified from its own last state, step lengths[b], " +
        "so its gradient enters there (and dWya multiplies that state)",
        "每个序列都在填充后的末尾 T 处读取；序列 b 是按它自己的最后一个状态（第 lengths[b] 步）分类的，" +
        "所以它的梯度从那里进入（dWya 乘的也是那个状态）");

    internal static string ReaderEveryStep => Say(
        "the output's gradient enters at every step, as in an N:N model; an N:1 loss reads one state per sequence, " +
        "so only step lengths[b] gets Wyaᵀ·dz, and the earlier steps get theirs through the recurrence",
        "输出的梯度在每一步都进入了，像 N:N 模型那样；N:1 的损失每个序列只读一个状态，" +
        "所以只有第 lengths[b] 步得到 Wyaᵀ·dz，更早的各步通过循环得到各自的梯度");

    internal static string ReaderNoOneHot => Say(
        "the softmax's gradient is ŷ − y: subtract 1 at each sequence's label",
        "softmax 的梯度是 ŷ − y：在每个序列的标签处减去 1");

    internal static string ReaderSummed => Say(
        "the loss is the mean over the batch: divide dz = ŷ − y by m",
        "损失是对批次取平均：把 dz = ŷ − y 除以 m");

    internal static string ReaderNotCarried => Say(
        "the gradient from the next step is not added: step t's cell gets the output's gradient plus the da_prev that step " +
        "t+1's backward returned",
        "没有加上来自下一步的梯度：第 t 步的单元得到的是输出的梯度加上第 t+1 步的反向传播返回的 da_prev");

    // --- Check.MixtureDensityGradient -------------------------------------------------------------------------------

    internal static string MixtureWhat(string where, string dx, string dy, int p, int k) => Say(
        $"MixtureLossAndGradient with {where} (Δx = {dx}, Δy = {dy}, p = {p}, K = {k})",
        $"MixtureLossAndGradient 在{where}时（Δx = {dx}，Δy = {dy}，p = {p}，K = {k}）");

    internal static string MixturePenDown => Say("the pen down", "落笔");

    internal static string MixturePenLifted => Say("the pen lifted", "抬笔");

    internal static string MixtureFar => Say("a point far from every component", "一个离所有分量都很远的点");

    internal static string MixtureReturnedNull(string what) => Say(
        $"{what} returned null; did you forget to return new MixtureDensityStep(loss, gradient)?",
        $"{what} 返回了 null；是不是忘了 return new MixtureDensityStep(loss, gradient)？");

    internal static string MixtureGradientCount(string what, int count, int expected) => Say(
        $"{what}: the gradient has {count} entries, expected 6K + 1 = {expected}, one per raw output.",
        $"{what}：梯度有 {count} 个元素，应为 6K + 1 = {expected} 个，每个原始输出一个。");

    internal static string MixtureNotFinite(string what, string loss, int nonFiniteEntries) => Say(
        $"{what}: the loss is {loss}" + (nonFiniteEntries > 0 ? $" and {nonFiniteEntries} entries of the gradient are not finite" : "") +
        ". Far from every component each 𝒩ₖ underflows to 0, so log Σ πₖ𝒩ₖ and γ = πₖ𝒩ₖ / Σ are log 0 and 0/0: work in " +
        "logarithms — log Σₖ exp(log πₖ + log 𝒩ₖ) with the largest term taken out first, and γₖ = exp(log πₖ + log 𝒩ₖ − that log-sum).",
        $"{what}：损失是 {loss}" + (nonFiniteEntries > 0 ? $"，梯度中有 {nonFiniteEntries} 个元素不是有限数" : "") +
        "。离所有分量都很远时每个 𝒩ₖ 都下溢为 0，于是 log Σ πₖ𝒩ₖ 与 γ = πₖ𝒩ₖ / Σ 成了 log 0 和 0/0：请在对数域里计算——" +
        "log Σₖ exp(log πₖ + log 𝒩ₖ) 先提出最大的一项，γₖ = exp(log πₖ + log 𝒩ₖ − 这个对数和)。");

    internal static string MixturePiSign => Say(
        "∂L/∂ŷπ has the wrong sign: it is π − γ, so each weight moves toward its responsibility",
        "∂L/∂ŷπ 的符号反了：它是 π − γ，所以每个权重都向它的响应度靠拢");

    internal static string MixturePiWithRespectToPi => Say(
        "∂L/∂ŷπ is the gradient with respect to π itself (−γ/π); through the softmax π = softmax(ŷπ) it is π − γ",
        "∂L/∂ŷπ 写成了对 π 本身的梯度（−γ/π）；经过 softmax π = softmax(ŷπ) 后它是 π − γ");

    internal static string MixtureGammaNotNormalised => Say(
        "the responsibilities are not normalised: γₖ = πₖ𝒩ₖ / Σⱼ πⱼ𝒩ⱼ, which sum to 1 over the components",
        "响应度没有归一化：γₖ = πₖ𝒩ₖ / Σⱼ πⱼ𝒩ⱼ，对各分量求和为 1");

    internal static string MixtureMuWithoutCorrelation => Say(
        "the means' gradient is missing the correlation term: ∂L/∂μx = −γC(u − ρv)/σx, not −γCu/σx",
        "均值的梯度少了相关项：∂L/∂μx = −γC(u − ρv)/σx，而不是 −γCu/σx");

    internal static string MixtureMuWithoutC => Say(
        "the means' gradient is missing C = 1/(1 − ρ²): ∂L/∂μx = −γC(u − ρv)/σx",
        "均值的梯度少了 C = 1/(1 − ρ²)：∂L/∂μx = −γC(u − ρv)/σx");

    internal static string MixtureSigmaWithRespectToSigma => Say(
        "∂L/∂ŷσ is the gradient with respect to σ; σ = exp(ŷσ), so multiply by σ: ∂L/∂ŷσx = γ(1 − Cu(u − ρv))",
        "∂L/∂ŷσ 写成了对 σ 的梯度；σ = exp(ŷσ)，所以要乘以 σ：∂L/∂ŷσx = γ(1 − Cu(u − ρv))");

    internal static string MixtureSigmaWithoutOne => Say(
        "∂L/∂ŷσ is missing the γ from log σ in the normalising constant: ∂L/∂ŷσx = γ(1 − Cu(u − ρv))",
        "∂L/∂ŷσ 少了归一化常数中 log σ 带来的 γ：∂L/∂ŷσx = γ(1 − Cu(u − ρv))");

    internal static string MixtureRhoWithRespectToRho => Say(
        "∂L/∂ŷρ is the gradient with respect to ρ; ρ = tanh(ŷρ), so multiply by 1 − ρ²: ∂L/∂ŷρ = −γ(uv + ρ(1 − CZ))",
        "∂L/∂ŷρ 写成了对 ρ 的梯度；ρ = tanh(ŷρ)，所以要乘以 1 − ρ²：∂L/∂ŷρ = −γ(uv + ρ(1 − CZ))");

    internal static string MixtureYNotSwapped => Say(
        "the y terms are the x terms with u and v swapped (and σy for σx): ∂L/∂μy = −γC(v − ρu)/σy, ∂L/∂ŷσy = γ(1 − Cv(v − ρu))",
        "y 的各项是把 x 的各项中 u 与 v 互换（σx 换成 σy）：∂L/∂μy = −γC(v − ρu)/σy，∂L/∂ŷσy = γ(1 − Cv(v − ρu))");

    internal static string MixturePenSign => Say(
        "∂L/∂ŷe has the wrong sign: it is e − p for our e = 1/(1 + exp(−ŷe)) (Graves writes e = 1/(1 + exp(ŷe)), which flips it)",
        "∂L/∂ŷe 的符号反了：按我们的 e = 1/(1 + exp(−ŷe)) 它是 e − p（Graves 写的是 e = 1/(1 + exp(ŷe))，符号正好相反）");

    internal static string MixtureNoPenTerm => Say(
        "the loss is missing the pen term: − log e when the pen lifts (p = 1), − log(1 − e) when it stays down",
        "损失少了笔的那一项：抬笔（p = 1）时是 − log e，落笔时是 − log(1 − e)");

    internal static string MixtureLoss => Say("the loss", "损失");
}
