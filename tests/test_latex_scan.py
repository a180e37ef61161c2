"""The reader's first passes: math delimiters of real posts, plain-text formulas, and the
split of rows into claims, side notes, conditions, cases and parameter lists."""
import pytest

from symbolic.latex_in.delimiters import inline_spans
from symbolic.latex_in.documents import chains, line_of, read_markup
from symbolic.latex_in.markup import prose_before
from symbolic.latex_in.plaintext import formulas
from symbolic.latex_in.relations import split_chain


def found(source, name=""):
    """(line of the first non-space character, chain text, inline) of every chain."""
    out = []
    for c in chains(source, name):
        lead = len(c.text) - len(c.text.lstrip())
        out.append((line_of(source, c.offset_of(lead)), " ".join(c.text.split()), c.inline))
    return out


def relation_line(source, chain, symbol="="):
    return line_of(source, chain.offset_of(chain.text.index(symbol)))


# --- delimiters -------------------------------------------------------------------------

def test_gitlab_inline_math_and_math_fence():
    src = "Weights $`w`$ and $`z=wx+b`$ here.\n\n```math\nH(p, q) = -\\sum_x p(x) \\log q(x)\n```\n"
    assert found(src) == [(1, "w", True), (1, "z=wx+b", True),
                          (4, "H(p, q) = -\\sum_x p(x) \\log q(x)", False)]


def test_mathjax_script_tags_inline_and_display():
    src = ('Data <span><script type="math/tex">x \\in X</script></span> 는\n\n'
           '<div class="math"><script type="math/tex; mode=display">\n'
           'p(x) = \\sum_j \\tau_j\n</script></div>\n')
    assert found(src) == [(1, "x \\in X", True), (4, "p(x) = \\sum_j \\tau_j", False)]


def test_kramdown_double_dollars_inline_within_a_sentence_display_on_own_lines():
    src = "Take $$C' = 2$$ classes.\n\n$$\nL = -\\log s_p\n$$\n"
    assert found(src) == [(1, "C' = 2", True), (4, "L = -\\log s_p", False)]


def test_escaped_mathjax_parentheses_are_math_and_unescaped():
    src = "A label \\\\( y_i \\in \\\\{ -1,1 \\\\} \\\\) and \\\\(f(x) = Wx\\\\).\n"
    assert found(src) == [(1, "y_i \\in \\{ -1,1 \\}", True), (1, "f(x) = Wx", True)]


def test_single_backslash_parenthesis_is_math_only_when_it_reads_as_math():
    src = "strong regularization \\(such as dropout\\), and \\(x_i = 0\\) here\n"
    assert found(src) == [(1, "x_i = 0", True)]


@pytest.mark.parametrize("opening, closing, inline", [
    ("{{< katex >}}", "{{< /katex >}}", False),
    ("{{< katex display >}}", "{{< /katex >}}", False),
    ("{{< math >}}", "{{< /math >}}", False),
    ("{{% math %}}", "{{% /math %}}", False),
])
def test_hugo_shortcodes(opening, closing, inline):
    src = f"前述の誤差\n\n{opening}\n\\tag{{1}}\n  E = - \\log y\n{closing}\n"
    assert found(src) == [(5, "E = - \\log y", inline)]


def test_hugo_shortcode_within_a_sentence_is_inline():
    src = "so {{< katex >}}a = b{{< /katex >}} holds\n"
    assert found(src) == [(1, "a = b", True)]


def test_quarto_equation_label_is_not_math():
    src = "Text\n\n$$\nD = 1 - \\log 2\n$$ {#eq-kl}\n\nSee @eq-kl.\n"
    assert found(src) == [(4, "D = 1 - \\log 2", False)]


def test_display_math_in_a_nested_list_keeps_exact_offsets():
    src = "* use temperature\n  * softmax:\n    $$\n    q_i=\\exp\\{z_i\\}/T\n    $$\n"
    (chain,) = chains(src)
    assert [(ch, src[chain.offsets[k]]) for k, ch in enumerate(chain.text) if ch.strip()] == \
        [(ch, ch) for ch in chain.text if ch.strip()]
    assert relation_line(src, chain) == 4


def test_r_markdown_chunks_and_inline_r_code_are_code():
    src = "```{r}\nx <- 1 == 2\n```\n\nThe mean is `r mean(x)` and $\\bar{x} = 1$.\n"
    assert found(src) == [(5, "\\bar{x} = 1", True)]


@pytest.mark.parametrize("text, spans", [
    ("It costs $5 and then $x = 1$ holds.", ["x = 1"]),
    ("Prices: $10, and $20 later, $a=b$.", ["a=b"]),
    ("We pay 5$ and 6$ for $y$.", ["y"]),
    ("Escaped \\$ sign, then $a = b$.", ["a = b"]),
    ("$p$의 값과 $q$ 를 비교", ["p", "q"]),
    ("A sample of $ m $ points", [" m "]),
    ("$6 \\times \\log 6 \\simeq 1.792$", ["6 \\times \\log 6 \\simeq 1.792"]),
    ("Loss is $1 \\times nm$ here", ["1 \\times nm"]),
])
def test_dollar_pairing_skips_money_and_prose(text, spans):
    assert [text[s.start:s.end] for s in inline_spans(text)] == spans


def test_prose_between_dollars_is_never_one_expression():
    src = "So $x$ 는 확률 변수이고 그 값은 $ 로 쓰고, $y = 2$ 이다.\n"
    assert [t for _, t, _ in found(src)] == ["x", "y = 2"]


def test_latex_comments_are_skipped_and_lines_kept():
    src = ("\\section{A}\nThe reason is $\\pd{J}{\\bz}$% = \\bdelta$\n"
           "%which means $\\boxed{a = b}$\nso $c = d$.\n")
    assert found(src, "notes.tex") == [(2, "\\pd{J}{\\bz}", True), (4, "c = d", True)]


@pytest.mark.parametrize("env", ["eqnarray", "eqnarray*", "multline", "gather*", "flalign"])
def test_latex_environments_rows_and_labels(env):
    src = (f"Text\n\\begin{{{env}}}\n\\label{{eq:a}} a &=& b \\nonumber \\\\\n"
           f"&=& \\displaystyle c \\tag{{2}}\n\\end{{{env}}}\n")
    (chain,) = chains(src, "a.tex")
    assert chain.text.split() == ["a", "=", "b", "=", "c"]
    assert relation_line(src, chain) == 3


def test_font_switches_are_blanked():
    (chain,) = chains("$$\nE( { \\bf w } ) = \\rm const\n$$\n")
    assert chain.text.split() == ["E(", "{", "w", "}", ")", "=", "const"]


def test_row_spacing_after_a_line_break_is_not_math():
    src = "$$\n\\begin{align}\na &= b \\\\[10pt]\n&= c\n\\end{align}\n$$\n"
    (chain,) = chains(src)
    assert chain.text.split() == ["a", "=", "b", "=", "c"]
    assert line_of(src, chain.offset_of(chain.text.rindex("="))) == 4


def test_markdown_escaped_page_is_unescaped():
    src = ("$$\n\\begin{align*}\n\\theta &= \\mathbb{E}\\_{x} [a] \\\\\\\\\n"
           "&= \\\\{b\\\\} \\tag{1}\n\\end{align*}\n$$\n\\_ and \\_\n")
    (chain,) = chains(src)
    assert chain.text.split() == ["\\theta", "=", "\\mathbb{E}_{x}", "[a]", "=", "\\{b\\}"]


def test_kramdown_inline_escapes_are_unescaped():
    src = "$J = \\begin{cases} a & i = k \\\\\\\\ b & i \\neq k \\end{cases}$ and $0 \\\\ - \\\\ e$\n"
    first, second = chains(src)
    assert first.cases == (("a", "i = k"), ("b", "i \\neq k"))
    assert second.text.split() == ["0", "-", "e"]


# --- plain-text formulas ----------------------------------------------------------------

def test_plain_text_formulas_of_a_korean_post():
    src = ("앞면에 대한 information은 -log2(0.99) = 0.0144bits 로 낮습니다.\n\n"
           "- (0.9 x log2(0.9) + 0.05 x log2(0.05)) = 0.61bits\n\n"
           "왜냐하면 KL(P||Q) != KL(Q||P) 이기 때문\n")
    got = [(line_of(src, c.offset_of(split_chain(c.text).relations[0].position)), c.text,
            c.inline, c.plain) for c in chains(src)]
    assert got == [
        (1, "-\\log_{2}(0.99) = 0.0144", True, True),
        (3, "(0.9 \\cdot \\log_{2}(0.9) + 0.05 \\cdot \\log_{2}(0.05)) = 0.61", False, True),
        (5, "D_{KL}(P\\|Q) \\ne D_{KL}(Q\\|P)", True, True)]


def test_plain_text_sum_and_identity_lines():
    assert [f.latex for f in formulas("H(x) = -sum x in X P(x) * log(P(x))")] == \
        ["H(x) = -\\sum_{x \\in X} P(x) \\cdot \\log(P(x))"]
    assert [f.latex for f in formulas("H(P, Q) = H(P) + KL(P || Q)")] == \
        ["H(P, Q) = H(P) + D_{KL}(P \\| Q)"]


@pytest.mark.parametrize("text", [
    "where x = 5 and y = 3 hold",
    "The loss L = -log(p) is small when p is large.",
    "Posted on 2019-01-30 at 10:30",
    "See https://example.com/?a=b&c=d+1 for more",
    "y_true = [[0, 1, 0], [0, 0, 1]]",
    "a = tf.constant([0., 1.], shape=[2,3])",
    "-> 1.1769392",
    "a ratio of 3:1 = three to one",
    "첫번째 action(p=0.9)을 선택",
    "each with **D** = 32 x 32 x 3 = 3072 pixels, and **K** = 10, since",
    "score = 0.5 x 2",
])
def test_plain_text_that_is_not_a_formula(text):
    assert formulas(text) == []


def test_plain_text_is_not_read_in_code_or_math():
    src = "```\nz = log2(0.5) + 1\n```\n\n`log2(4) = 2` and $\\log_2 4 = 2$\n"
    assert [c.plain for c in chains(src)] == [False]


def test_plain_text_offsets_point_at_the_source():
    src = "값은 -ln(0.5) = 0.69nats 이다"
    (chain,) = chains(src)
    assert chain.text == "-\\ln(0.5) = 0.69"
    assert src[chain.offset_of(chain.text.index("="))] == "="
    assert src[chain.offset_of(chain.text.index("0.69"))] == "0"


# --- split ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, symbols", [
    ("a = b => c = d", ["=", "⇒", "="]),
    ("a \\Rightarrow b \\implies c \\Longrightarrow d", ["⇒", "⇒", "⇒"]),
    ("a <=> b", ["⇔"]),
    ("a >= b", ["≥"]),
])
def test_implication_is_one_relation(text, symbols):
    assert [r.symbol for r in split_chain(text).relations] == symbols


def test_because_is_a_side_note_and_therefore_a_new_claim():
    src = "$$\n\\begin{aligned}\na &= b \\because b = c \\\\\n\\therefore d &= e\n\\end{aligned}\n$$\n"
    first, second = chains(src)
    assert " ".join(first.text.split()) == "a = b" and first.notes == ("\\because b = c",)
    assert " ".join(second.text.split()) == "d = e" and relation_line(src, second) == 4


def test_side_notes_are_set_aside_not_taken_as_a_step():
    src = ("$$\n\\begin{align}\nD &\\ge 0 \\quad (\\text{by Jensen}) \\\\\n"
           "&= E \\qquad \\text{using identity (6)} \\\\\n&\\overset{(a)}{\\le} F\n\\end{align}\n$$\n")
    (chain,) = chains(src)
    assert chain.text.split() == ["D", "\\ge", "0", "=", "E", "\\le", "F"]
    assert chain.notes == ("(\\text{by Jensen})", "\\text{using identity (6)}", "(a)")
    assert line_of(src, chain.offset_of(chain.text.index("\\le"))) == 5


def test_a_word_after_quad_at_the_end_of_a_row_is_a_note():
    (chain,) = chains("$$\nH = 0.81 \\quad \\text{bits}\n$$\n")
    assert chain.text.split() == ["H", "=", "0.81"] and chain.notes == ("\\text{bits}",)


def test_math_in_an_html_block_is_read_but_not_its_scripts():
    src = ("<aside>\nNatural log: $\\ln e = 1$.\n<script>var a = $x$;</script>\n</aside>\n")
    assert found(src) == [(2, "\\ln e = 1", True)]


def test_a_unit_ending_a_row_is_a_note():
    (chain,) = chains("$$\nH(X) = 1.5 \\text{ bits}\n$$\n")
    assert chain.text.split() == ["H(X)", "=", "1.5"] and chain.notes == ("\\text{ bits}",)


def test_html_code_is_not_math():
    assert found("Use <code>$x = 1$</code> or $y = 2$.\n") == [(1, "y = 2", True)]


def test_conditions_in_words_are_data_not_claims():
    src = ("$$\n\\frac{\\partial p_i}{\\partial z_j} = p_i(1 - p_j) \\quad \\text{if } i = j\n$$\n\n"
           "$$\nL = -\\log \\hat{y} \\text{ when } y = 1,\n$$\n\n"
           "$$\nx = 1 \\quad \\text{if $i \\ne j$}\n$$\n")
    got = [(" ".join(c.text.split()), c.conditions) for c in chains(src)]
    assert got == [("\\frac{\\partial p_i}{\\partial z_j} = p_i(1 - p_j)", ("i = j",)),
                   ("L = -\\log \\hat{y}", ("y = 1",)), ("x = 1", ("i \\ne j",))]


def test_a_condition_alone_makes_a_chain_with_no_claim():
    (chain,) = chains("- $\\text{if} \\quad X=1$\n")
    assert chain.text.strip() == "" and chain.conditions == ("X=1",)


def test_parameter_lists_are_listed_assignments_with_their_scope():
    src = "$$\nP(x): \\mu = 0, \\sigma = 2.2395 \\quad Q(x): \\mu = 7.484\n$$\n"
    got = [(" ".join(c.text.split()), c.listed, c.scope) for c in chains(src)]
    assert got == [("\\mu = 0", True, "P(x)"), ("\\sigma = 2.2395", True, "P(x)"),
                   ("\\mu = 7.484", True, "Q(x)")]


def test_connective_words_cut_a_row_into_two_claims():
    src = "$$\nL = -f + c \\quad \\text{and} \\quad M_i = g\n$$\n"
    assert [" ".join(c.text.split()) for c in chains(src)] == ["L = -f + c", "M_i = g"]


def test_the_same_left_side_said_again_continues_the_chain():
    src = "$$\nL_i = -f + c \\hspace{0.5in} \\text{or equivalently} \\hspace{0.5in} L_i = g\n$$\n"
    (chain,) = chains(src)
    assert chain.text.split() == ["L_i", "=", "-f", "+", "c", "=", "g"]
    assert src[chain.offset_of(chain.text.rindex("="))] == "="


def test_a_row_that_starts_with_a_relation_is_not_a_list():
    src = "$$\n\\begin{aligned}\na &\\ge b \\\\\n\\Leftrightarrow \\quad c &\\ge d\n\\end{aligned}\n$$\n"
    (chain,) = chains(src)
    assert chain.text.split() == ["a", "\\ge", "b", "\\Leftrightarrow", "\\quad", "c", "\\ge", "d"]
    assert not chain.listed


def test_definition_by_overset_let():
    (chain,) = chains("$$\n\\Pr[Z=1] ~\\overset{\\text{let}}{=}~ \\tau_1\n$$\n")
    assert [r.symbol for r in split_chain(chain.text).relations] == [":="]


def test_cases_rows_become_value_condition_pairs():
    src = ("$$\nX \\sim \\begin{cases}\nN(\\mu_1, 1) & \\text{if}~~ X \\in S_1 \\\\\n"
           "N(\\mu_2, 1) & \\text{otherwise}\n\\end{cases}\n$$\n")
    (chain,) = chains(src)
    assert chain.text.split() == ["X", "\\sim", "\\cases"]
    assert chain.cases == (("N(\\mu_1, 1)", "X \\in S_1"), ("N(\\mu_2, 1)", "otherwise"))


# --- tables and prose -------------------------------------------------------------------

def test_joint_pmf_table_keeps_its_header_row_and_cell_math():
    src = "| $x$ \\ $y$ | $y=1$ | $y=2$ |\n|---|---|---|\n| $x=1$ | $\\frac18$ | 1/4 |\n"
    (table,) = read_markup(src).tables
    assert table.rows == [["$x$ \\ $y$", "$y=1$", "$y=2$"], ["$x=1$", "$\\frac18$", "1/4"]]


def test_prose_before_a_chain_is_its_section_up_to_it():
    src = ("# One\n\nAll logs are base 2.\n\n# Two\n\nHere $X \\sim U(0, 1/8)$ holds, in bits.\n\n"
           "Then\n\n$$\nH(X) = -3\n$$\n")
    markup = read_markup(src)
    chain = chains(src, markup=markup)[-1]
    texts = [p.text for p in prose_before(markup, chain.offset_of(0))]
    assert texts == ["Two", "Here $X \\sim U(0, 1/8)$ holds, in bits.", "Then"]


def test_left_brace_aligned_rows_are_cases_too():
    src = "$$\nP(y|x)=\\left\\{ \\begin{aligned} p, y=1 \\\\ 1-p,y=0 \\end{aligned} \\right.\n$$\n"
    (chain,) = chains(src)
    assert chain.text.split() == ["P(y|x)=\\cases"]
    assert chain.cases == (("p", "y=1"), ("1-p", "y=0"))


def test_a_matrix_is_a_placeholder_without_cases():
    (chain,) = chains("$$\nA = \\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}\n$$\n")
    assert chain.text.split() == ["A", "=", "\\cases"] and chain.cases == ()


@pytest.mark.parametrize("src", [
    "> quoted $a = b$ and\n> $$\n> c = d\n> $$\n",
    "1. item $`x = 1`$\n   - nested \\\\( y = 2 \\\\)\n\n     $$\n     z = 3\n     $$\n",
    "| a | $b = 1$ |\n|---|---|\n| c | $d = 2$ |\n",
    '<span><script type="math/tex">e = f</script></span>\n\n{{< katex >}}\ng = h\n{{< /katex >}}\n',
    "$$\n\\begin{align}\na &= b \\tag{1} \\\\[4pt]\n&= c \\quad (\\text{by } d)\n\\end{align}\n$$\n",
])
def test_every_character_of_a_chain_is_the_source_character_at_its_offset(src):
    for chain in chains(src):
        pairs = [(ch, src[chain.offsets[k]]) for k, ch in enumerate(chain.text) if ch.strip()]
        assert pairs and all(a == b for a, b in pairs), pairs


@pytest.mark.parametrize("src", [
    "$a \\text{if b$", "$$\n\\overset{x}{=\n$$\n", "$(\\text{by a$ and $b$", "\\(\\)\\\\(",
    "$`", "```math\nx = (\n```\n", "{{< katex >}}\\begin{cases}a & b", "log2(0.5 = 1bits",
])
def test_unbalanced_input_gives_chains_or_nothing_never_an_error(src):
    for name in ("post.md", "notes.tex"):
        assert isinstance(chains(src, name), list)
