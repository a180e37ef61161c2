"""Check every relation of a document, or one LaTeX string (``verify``)."""
from __future__ import annotations

import re
from dataclasses import replace

from symbolic.latex_in.chains import BESIDE_IMPLICATION
from symbolic.latex_in.check import Limits, decide, in_two_roles
from symbolic.latex_in.conditions import apply_cases, at_instance
from symbolic.latex_in.markov_chains import stated_chains
from symbolic.latex_in.lint_report import FileReport, StepResult
from symbolic.latex_in.loss_sign import called_a_cost
from symbolic.latex_in.markup import prose_before, section_titles
from symbolic.latex_in.matrices import placed
from symbolic.latex_in.matrix_order import in_matrix_order
from symbolic.latex_in.notation import numbers_only
from symbolic.latex_in.confidence import brought_in, confident, doubted
from symbolic.latex_in.written_doubts import numbers_set_equal
from symbolic.latex_in.decisions import Decisions
from symbolic.latex_in.definition_checks import checked_definition, modelled_label
from symbolic.latex_in.derivative_variables import suspended_bindings
from symbolic.latex_in.documents import chains, line_of, read_markup
from symbolic.latex_in.errors import LatexReadError, malformed
from symbolic.latex_in.independence import assuming, assuming_independence
from symbolic.latex_in.named_constants import pi_doubt, where_pi_is_a_name
from symbolic.latex_in.naming import first_applications, introduces, quoted
from symbolic.latex_in.parse import Reader
from symbolic.latex_in.piecewise import interpolated_blocks, put_back_blocks
from symbolic.latex_in.stated_conditions import StatedConditions
from symbolic.latex_in.prose_conditions import (after_postposed, condition_after, condition_before,
                                               hypothesis, introduces_notation, lead_in,
                                               named_equation, offered_as_alternative, postposed_condition,
                                               rewrites_equation, same_sentence, words_before)
from symbolic.latex_in.document_doubts import (add_document_doubts, borrowed_function_doubt,
                                               defined_measure, einstein_convention, redefinition_doubt,
                                               restated_value, unequal_binding_doubt,
                                               unequal_bindings, overloaded_function_doubt,
                                               redefined_functions)
from symbolic.latex_in.pmf_values import bind_expansion, table_bindings
from symbolic.latex_in.prose_negations import negated_claim
from symbolic.latex_in.retractions import corrected_after
from symbolic.latex_in.row_labels import labelled_apart
from symbolic.latex_in.prose import assumptions, convexity, log_bases, one_hot_labels
from symbolic.latex_in.distribution_plan import continuous_variables
from symbolic.latex_in.reader_patterns import _plain
from symbolic.latex_in.reading import READER, read_limited
from symbolic.latex_in.relations import split_chain
from symbolic.latex_in.semantics import Semantics, stated_base
from symbolic.latex_in.several_variables import STRUCTURE
from symbolic.latex_in.quantifiers import quantifier_doubts
from symbolic.latex_in.solving import (chain_equation, equation_row, solution_after_implication,
                                      solved_premise, solving_step)
from symbolic.latex_in.inline_conditions import is_condition, standalone
from symbolic.latex_in.suggestions import suggestions
from symbolic.latex_in.sum_scope import strict_reading_fails
from symbolic.latex_in.twin_readings import Surroundings, weighed
from symbolic.latex_in.vector_gradient import entrywise_gradient
from symbolic.latex_in.warmup import prepare
from symbolic.verdict import INEQUALITIES, Verdict

_IN_BITS = re.compile(r"\bbits?\b|비트|比特|ビット", re.I)


# f: \mathcal{C} \to \mathbb{R}: a function introduced anew by its signature
# (the row may be cut at its arrow: f: \mathbb{R} is enough)
_SIGNATURE = re.compile(r"\s*(\\?[A-Za-z]+)\s*:\s*(?:\\math(?:bb|cal)\s*\{\s*[A-Z]\s*\}|[A-Z])[^=]*")


def introduced_function(text: str) -> set:
    r"""The function a chain introduces by its signature (``f: \mathcal{C} \to \mathbb{R}``).

    >>> introduced_function(r"f: \mathcal{C} \to \mathbb{R}"), introduced_function("f(x) = x^2")
    ({'f'}, set())
    """
    m = _SIGNATURE.fullmatch(text)
    return {m.group(1)} if m else set()


def lint_source(source: str, name: str, limits: Limits = Limits(), log_base=None,
                cache=None, jobs: int = 1) -> FileReport:
    """Every relation of a Markdown/LaTeX document with its verdict and line.

    Each relation's verdict is kept per relation (``cache``: a
    :class:`symbolic.cache.ResultCache`), so an edited document re-checks only
    the relations that changed.  With ``jobs`` > 1 the document is walked once to
    collect its relations, they are decided on ``jobs`` processes, and the walk
    that reports reads their verdicts back (the readings are kept too).
    """
    prepare()                            # the parser imported, its answers kept
    decisions = Decisions(lambda claim, lim, key: decide(claim, lim, key=key), cache, jobs)
    try:
        if jobs > 1:
            decisions.collecting = True
            _walk(source, name, limits, log_base, decisions)
            decisions.collecting = False
            decisions.prefetch()
        return _walk(source, name, limits, log_base, decisions)
    finally:
        READER.close()                   # the document's reading child ends with it


def _walk(source: str, name: str, limits: Limits, log_base, decisions) -> FileReport:
    report = FileReport(name)
    log_base = stated_base(log_base)
    reader = Reader(Semantics(log_base=log_base, continuous=continuous_variables(source),
                              one_hot=one_hot_labels(source),
                              structure=bool(STRUCTURE.search(source))))
    markup = read_markup(source, name)
    assumed = assumptions(source, markup)
    convex_at = convexity(source, markup)
    bases = log_bases(source, markup) if log_base is None else []
    tables = sorted(markup.tables, key=lambda t: t.offset)
    first = first_applications((m.content, m.offsets) for m in markup.math)
    section, solving, cases, case_block, given = 0, None, [], None, None
    solving_notes = ()     # the side notes of the row ``solving`` is read from
    case_end = -1      # where the inline math that stated ``cases`` ends
    premise = None     # the index in report.steps of the row that ``solving`` starts from
    worded = (object(), None)     # the block of the last chain, and its prose's condition
    einstein, redefined = einstein_convention(source), {}   # H(q) = … of the author's own
    pi_named = where_pi_is_a_name(source)     # \pi(\mathbf{X}) = p(y=1|X): π is a probability
    defined, defined_in = {}, {}     # the functions the text defines, and where (section, line)
    unequally_set = {}     # names set by a chain whose expressions were not shown equal
    constraints = StatedConditions()
    markov = stated_chains(source)      # X \to Y \to Z: relations that hold along it
    for chain in chains(source, name, markup):
        start = chain.offset_of(0)
        if given is not None:       # the pmfs the previous chain gave by example, taken back
            reader.sem.pmf_values, given = given, None
        if chain.section != section:
            section, solving, cases, case_block = chain.section, None, [], None
            premise = None
            reader.sem.forget_pmf_values()   # values given by example hold in their section
            reader.sem.bindings.clear()      # and so do the names set in it (a function the
            #                                  text defines, \mathcal{L}(θ; D) = …, holds on)
            reader.sem.family_definitions.clear()
            reader.sem.used.clear()
            unequally_set = {}
        while tables and tables[0].offset <= start:
            table = tables.pop(0)
            if table.section == section:
                table_bindings(table, reader.sem)
        reader.sem.convex = {name for at, sec, name in convex_at
                             if at < start and sec in (None, section)}
        for letter in set(reader.sem.functions) & introduced_function(chain.text):
            del reader.sem.functions[letter]   # "$f: C \to R$": any such f, not the one defined
        stated = [base for at, sec, base in bases if at < start and sec in (None, section)]
        reader.sem.log_base = stated_base(stated[-1]) if stated else log_base   # "base 2"
        if any(_IN_BITS.search(note) for note in chain.notes):
            reader.sem.log_base = 2                     # = 1.5 \text{ bits}: this row's logs
        if _gaussian(reader, chain.text) or introduces(chain.text, start, first) or \
                chain.inline and quoted(source, start, chain.offset_of(len(chain.text) - 1)):
            continue     # q(z) \sim N(\mu, \sigma^2) binds q; P(Y=1|X=x) = p(x) names p(x); 「a = b」
        independence = [a for a in assumed if a[0] < start and a[1] in (None, section)]
        reader.sem.independence = bool(independence)
        given = bind_expansion(chain.text, reader.sem)     # H(q) = -[0.8 \log 0.8 + …]
        bound_before = {**reader.sem.bindings, **reader.sem.functions}
        text, reader.sem.finite = interpolated_blocks(chain.text, chain.case_blocks) or \
            (chain.text, {})
        text = entrywise_gradient(text, {k for k in reader.sem.family_definitions
                                         if len(k) == 1}) or text   # \nabla_{\mathbf{z}} L = p - y
        reader.sem.displays = placed(text, chain.offsets, dict(chain.displays)) \
            if chain.displays and text == chain.text else ()
        try:
            # If $d(x, y) = 0$, then …, $z = 0$ 时 …: the sentence's condition, stated, defines nothing
            after = chain.offset_of(len(chain.text) - 1) + 1      # just after the math
            condition = chain.inline and (hypothesis(source, start) or postposed_condition(
                source, after) or after_postposed(source, start))
            equation = chain.inline and named_equation(source, start)   # "the equation is $…$"
            with suspended_bindings(reader, text):   # d f(x̃) / d x̃ after x̃ = D(x)
                claims = read_limited(text, reader, limits, readings=decisions.readings,
                                      document=not (condition or equation), inline=chain.inline,
                                      listed=chain.listed)
        except LatexReadError as exc:
            pos = exc.position or 0
            report.steps.append(StepResult(line_of(source, chain.offset_of(pos)), "?",
                                           chain.text.strip()[:80], "",
                                           Verdict("unknown", "not read", reason=exc.message),
                                           malformed(exc)))
            continue
        finally:
            reader.sem.finite = {}           # the values of the cases hold for this chain only
            reader.sem.displays = ()
        put_back_blocks(claims, chain.text, text, chain.case_blocks)
        read = [c for c in claims if c.error is None and not c.definition]
        if chain.block != worded[0]:     # "If $p = q$, then …", "for all λ ∈ [0, 1]:"
            worded = (chain.block, condition_before(source, markup, start))
        # the math is itself the condition: "If $d(x, y) = 0$, then", $y(x) > 0$이면
        own_case = (condition or postposed_condition(source, after, assumed=True) or
                    condition_after(source, after)) if chain.inline else None
        # "$u \neq d$の場合" before the display: its condition is the case, which the check applies
        case_led = bool(cases) and case_block is None and same_sentence(source, case_end, start)
        add_document_doubts(read, (None if case_led else worded[1]) or own_case, einstein, redefined)
        overloaded = redefined_functions(   # within a section: a new part may reuse f
            {k: v for k, v in defined.items() if defined_in.get(k, (None,))[0] == section},
            reader.sem.functions, line_of(source, start))
        for claim in read:                  # f(a, b) = a b in one section, df/db in the next
            text = claim.lhs_text + " = " + claim.rhs_text
            borrowed = borrowed_function_doubt(text, defined_in, section)
            unequal = unequal_binding_doubt(text, unequally_set)   # z = logit(…) = log(…)
            twice = overloaded_function_doubt(text, overloaded)   # f(v) = v^2, f(x) = … = f(g(x))
            solve = equation and (f"the prose calls it an equation ('{equation}'): one to solve "
                                  "for its unknowns, not an identity")
            bare = chain.inline and numbers_set_equal(claim)    # "we treated score $1 = 4$"
            claim.doubts += [d for d in (borrowed, unequal, twice, solve, bare) if d] + \
                pi_doubt(claim, pi_named)
        for letter, body in reader.sem.functions.items():
            if defined.get(letter) != body:
                defined_in[letter] = (section, line_of(source, start))
        defined = dict(reader.sem.functions)
        if read and not chain.inline and len(claims) > 1 and claims[-1].rhs_text.strip() == "0":
            rewriting = rewrites_equation(source, markup, start)   # "you can simplify it to"
            read[0].doubts += [f"the prose rewrites the equation before ('{rewriting}'): the "
                               "left side names that equation, not this expression"] if rewriting else []
        for claim in read:              # \forall x, y: p(x, y) = p(x)p(y) may define a property
            claim.doubts += quantifier_doubts(chain.notes)
        # a run of displays after "We'll denote:" shares its words, save a chain of steps in it
        notation = introduces_notation(source, markup, start) \
            if read and (len(claims) == 1 or lead_in(source, markup, start)) else None
        either = offered_as_alternative(source, start) if chain.inline else None
        for claim in read if either else ():      # "either $y = 0$ or $1 - y = 0$"
            claim.doubts.append(f"the prose gives it as one of alternatives ('{either}'): "
                                "a case, not a claim")
        for claim in read if notation else ():     # "We'll denote: … σ(z) = \frac{1}{1+e^z}"
            claim.doubts.append(f"the text introduces it as its notation ('{notation}'): a "
                                "definition of its own, not a claim of the standard meaning")
        alone = chain.inline and standalone(source, chain.offset_of(0))
        if case_block is not None and chain.block != case_block:
            cases, case_block = [], None      # a case holds for the one display after it
        if chain.inline and claims and all(c.definition or c.error is None and
                                           is_condition(c, alone) for c in claims):
            # $k = i$ in prose: the next display's case; $a_n = w_0 x_n + w_1$ defined a_n
            cases, case_block = ([] if _defines(chain.text, reader.sem) else [chain.text]), None
            case_end = after
        elif chain.inline and case_led:
            apply_cases(read, list(chain.conditions) + cases)   # For $i \neq j$, $… = …$
        elif not chain.inline or alone:
            # a display, or inline math that is a paragraph of its own ($…$ on its line),
            # with every chain of it (A \rightarrow B = C is two)
            apply_cases(read, list(chain.conditions) + cases)
            case_block = chain.block if cases else None
        else:
            apply_cases(read, chain.conditions)
        lone = len(claims) == 1 and claims[0].relation == "=" and claims[0].error is None
        row = len(claims) == 1 and claims[0].error is None and \
            claims[0].relation in ("=", *INEQUALITIES)     # a row an equation may be solved in
        identity = None
        introduced = set()     # names a step of this chain brought in (= e^z / Z)
        cost = any(c.definition for c in claims) and \
            called_a_cost(lead_in(source, markup, start), section_titles(source, markup, start),
                      " ".join(p.text for p in prose_before(markup, start)))
        words = None       # the prose before the chain, read for the first refutation in it
        identities, finals = [], []     # each claim's verdict as an identity, and in the end
        for claim in claims:
            key = f"{name}:{claim.lhs_text}"   # seeds the samples; no line: an edit above keeps it
            checked = checked_definition(claim, solving, chain.block, reader, limits, key, name, cost) \
                if claim.definition and not decisions.collecting else None
            model = None if claim.definition or decisions.collecting else \
                modelled_label(claim, limits, key)
            checked = checked or ((model, []) if model else None)   # p(y_i|x_i) = p_i^{y_i} …
            if checked:        # \hat{\mu} = … after … = 0; loss = \sum y \log a; \mathcal{N}(x|…) = …
                report.steps.append(StepResult(line_of(source, chain.offset_of(
                    claim.position)), "=", claim.lhs_text, claim.rhs_text, checked[0],
                    suggestions=checked[1]))
            if claim.definition or model or chain.inline and claim.error is None and \
                    is_condition(claim, alone) or not (claim.lhs_text.strip() and
                                                        claim.rhs_text.strip()):
                identities.append(None)
                finals.append(None)
                continue      # … or a fragment: $\approx 0$ in a sentence, ⇒ w ≈ 1 after words
            line = line_of(source, chain.offset_of(claim.position))
            verdict = in_two_roles(claim) or decisions.decide(claim, limits, key)
            verdict = in_matrix_order(claim, at_instance(claim, verdict))
            if verdict.status == "refuted" and words is None:
                words = words_before(markup, start)      # "the target is one-hot"
            around = Surroundings(reader, limits, lambda: words or "", markov,
                                  chain.offset_of(claim.position), lambda at: line_of(source, at))
            as_read = verdict
            verdict = weighed(claim, verdict, lambda twin, rule, key=key: decisions.decide(
                twin, limits, f"{key}:{rule}"), around)     # μ ∈ Δ(k), β_t = 1 - α_t, bits, …
            twin_holds = as_read.status == "refuted" and verdict.status == "unknown"
            strict_reading_fails(claim, verdict, reader, lambda twin, key=key: decisions.decide(
                twin, limits, f"{key}:strict"))     # -\sum_i y_i \log p_i + (1-y_i) \log(1-p_i)
            if claim.assumed:
                verdict = assuming(verdict, independence[-1], line_of(source, independence[-1][0]))
            elif verdict.status == "refuted" and claim.independent and independence:
                verdict = assuming_independence(claim, verdict, independence[-1],
                                                line_of(source, independence[-1][0]),
                                                limits, key, decisions)
            identity = verdict
            # a row of solving: a lone row, or the first of a chain (p = e^a(1-p) = e^a - e^a p)
            solves = row or claim is claims[0] and claim.error is None and \
                claim.relation in ("=", *INEQUALITIES)
            solved = None if verdict.holds or decisions.collecting else \
                solving_step(solving, claim, chain.block, limits, key) if solves and solving \
                else solution_after_implication(claim, limits, key)
            if solved is not None and solved.status == "refuted" and twin_holds:
                solved = verdict      # a step of solving that holds with x̄ the mean of the x_i
            labels = solved is not None and solved.status == "refuted" and solving is not None \
                and labelled_apart(chain.notes, solving_notes)
            if labels:       # X = μ  & \text{Linear}, then X = \ln μ & \text{Poisson}: listed
                solved = Verdict("unknown", "none", solved.samples, seconds=solved.seconds, reason=(
                    f"fails as a step of solving, but the rows are labelled apart ({labels}): "
                    "alternatives listed, as likely as steps"))
            if solved is not None and solved.holds and premise is not None:
                report.steps[premise] = solved_premise(report.steps[premise], line)
            if solved is not None:      # a step of solving: only the reader's doubts remain
                doubts = [d for d in claim.doubts if d != BESIDE_IMPLICATION]
                verdict = doubted(solved, doubts) if solved.status == "refuted" and \
                    doubts else solved
            elif claim.error is None:
                late = redefinition_doubt(claim.lhs_text, claim.rhs_text, redefined, claim.relation)
                claim.doubts += [late] if late and late not in claim.doubts else []   # σ(z) = … a row above
                verdict = confident(claim, verdict, frozenset(introduced), source)
            aside = _not_claimed(claim, source, markup, start, after, lone) \
                if verdict.status == "refuted" else None
            if aside:
                verdict = Verdict("unknown", "not read", verdict.samples, reason=aside)
            if solved is None:      # \sum_i 2^{-b_i} \le 1 stated, then a failure in b
                verdict = constraints.applied(claim, verdict, line)
            if claim.error is None and claim.chain_step:
                introduced |= brought_in(claim)
            # H(S, X) = \frac{50}{150} H(S, \le 0.8) + …  = 0.67: the first row of a chain
            # that computes a measure for an example in an expression not read as the field's
            # also defines it (a refuted one, H(X|Y) = \sum p(x,y) \log p(x|y), is the
            # author's error; H(p,q) = E_p[-\log q] = -\sum_x p(x) \log q(x) ends in the field's)
            stated = lone or claim is claims[0] and verdict.status == "unknown" and \
                not numbers_only(claim.rhs_text) and numbers_only(claims[-1].rhs_text)
            own = defined_measure(claim.relation, claim.lhs_text, stated, claim.rhs_text) \
                if claim.error is None and not verdict.holds else None
            redefined.update({own: (line, claim.rhs_text)} if own else {})
            identities.append(identity)
            finals.append(verdict)
            report.steps.append(StepResult(line, claim.relation, claim.lhs_text, claim.rhs_text,
                                           verdict, malformed(claim.error),
                                           _repairs(claim, verdict, limits, key, decisions)))
        newly_set = {k for k, v in {**reader.sem.bindings, **reader.sem.functions}.items()
                     if k not in bound_before or bound_before[k] != v}     # names, and functions (f(x) = …)
        unequally_set.update(unequal_bindings(newly_set, finals, line_of(source, start)))
        if claims and not chain.inline:   # an identity that holds starts no solution
            last = claims[-1]     # lone, or a display ending "… = 0": a solution may follow
            held = not last.definition and identity is not None and identity.holds
            zero = row or last.error is None and last.relation == "=" and last.rhs == 0
            solving_notes = chain.notes
            solving = equation_row(last, line_of(source, chain.offset_of(last.position)),
                                   chain.block, section) if zero and not held else \
                chain_equation(claims, identities, finals, line_of(source, chain.offset_of(
                    last.position)), chain.block, section)
            # the row's own finding, which a next row that solves it shows to be an equation
            premise = len(report.steps) - 1 if solving and report.steps and \
                report.steps[-1].lhs == last.lhs_text and report.steps[-1].line == solving.line \
                else None
    return report


def _not_claimed(claim, source: str, markup, start: int, after: int, lone: bool) -> str | None:
    """Why a refuted relation at ``start``..``after`` is not the author's claim, or None: a
    value the text restates otherwise (P(Y=1) = k/n, then (k+1)/(n+2): another estimate), a
    first guess the next paragraph corrects, or math the prose denies ("it is not true that
    $D(P||Q) = D(Q||P)$")."""
    restated = restated_value(claim, source, start) if lone else None
    if restated:
        return restated
    taken_back = corrected_after(markup, after)
    if taken_back:
        return (f"the text goes on to correct it ('{taken_back}'): a first guess it takes back, "
                "not a claim")
    denied = negated_claim(source, start, after)
    return (f"the prose says it does not hold ('{denied}'): the text states it to deny it, as "
            "the check finds") if denied else None


def _defines(text: str, sem) -> bool:
    """Did the inline ``text`` (``a_n = w_0 x_n + w_1``) bind its left side to an expression
    in other names?  Then it is a definition the reader puts in, not a case of the next row."""
    chain = split_chain(text)
    if len(chain.relations) != 1 or chain.relations[0].symbol != "=":
        return False
    value = sem.bindings.get(_plain(chain.sides[0]))
    return value is not None and bool(value.free_symbols)


def _gaussian(reader, text: str) -> bool:
    """Bind a Gaussian density the text names; never fail on it."""
    try:
        return reader.bind_gaussian(text.strip())
    except (LatexReadError, ValueError, TypeError, RecursionError):
        return False


def _repairs(claim, verdict: Verdict, limits: Limits, key: str, decisions=None) -> list:
    """For a refuted step, the small repairs the engine shows to hold (``suggestions``)."""
    if verdict.status != "refuted" or claim.relation == "⇔":
        return []
    quick = replace(limits, seconds=min(limits.seconds, 5.0))
    screen = replace(quick, symbolic=False)
    run = (lambda c, lim, k: decide(c, lim, key=k)) if decisions is None else decisions.decide

    def decide_repair(fixed):
        # most repairs fail: the numbers refute them at once, without a symbolic attempt
        first = run(fixed, screen, key + ":screen")
        return first if first.status == "refuted" else run(fixed, quick, key + ":repair")
    return suggestions(claim, decide_repair)


from symbolic.latex_in.verifying import verify_text  # noqa: F401  (the public name)
