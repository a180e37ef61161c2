"""Each LaTeX text parsed once per process (symbolic/latex_in/parses.py)."""
import pytest
import sympy as sp

from symbolic.latex_in import parses


@pytest.fixture
def counted(monkeypatch):
    """The memo over a parser that counts its calls (x + n for text n; 'bad' fails)."""
    calls = []

    def parser(text, **kwargs):
        calls.append(text)
        if text == "bad":
            raise ValueError("cannot parse 'bad'")
        return sp.Symbol("x") + int(text)
    monkeypatch.setattr(parses, "_original", parser)
    monkeypatch.setattr(parses, "_answers", {})
    return calls


def _deeper(n, fn, *args, **kwargs):
    return fn(*args, **kwargs) if n == 0 else _deeper(n - 1, fn, *args, **kwargs)


def test_a_text_is_parsed_once_with_the_same_arguments(counted):
    assert parses._parse("1") == parses._parse("1") == sp.Symbol("x") + 1
    assert counted == ["1"]
    parses._parse("1", conversion_config="other")
    assert counted == ["1", "1"]                       # other arguments: parsed again


def test_a_failed_parse_fails_again_with_the_same_error(counted):
    for _ in range(2):
        with pytest.raises(ValueError, match="cannot parse 'bad'"):
            parses._parse("bad")
    assert counted == ["bad"]


def test_a_deeper_call_parses_again(counted):
    parses._parse("2")
    _deeper(50, parses._parse, "2")                    # less stack left: not trusted
    assert counted == ["2", "2"]
    _deeper(50, parses._parse, "2")                    # as deep as the last parse: kept
    parses._parse("2")
    assert counted == ["2", "2"]


def test_running_out_of_stack_is_never_kept(counted, monkeypatch):
    def overflow(text, **kwargs):
        counted.append(text)
        raise RecursionError("maximum recursion depth exceeded")
    monkeypatch.setattr(parses, "_original", overflow)
    for _ in range(2):
        with pytest.raises(RecursionError):
            parses._parse("3")
    assert counted == ["3", "3"]


def test_the_reader_reads_the_same_with_the_memo(monkeypatch):
    import latex2sympy2_extended

    from symbolic.latex_in.chains import read_chain
    from symbolic.latex_in.parse import Reader
    from symbolic.latex_in.semantics import Semantics
    text = r"H(p, q) = -\sum_x p(x) \log q(x) = H(p) + D_{KL}(p \| q) \ge \xi_{0}"

    def read():
        return [(c.relation, c.lhs, c.rhs, c.error and c.error.message)
                for c in read_chain(text, Reader(Semantics()), document=True)]
    parses.install()
    monkeypatch.setattr(latex2sympy2_extended, "latex2sympy", parses._original)
    plain = read()
    monkeypatch.setattr(latex2sympy2_extended, "latex2sympy", parses._parse)
    assert read() == read() == plain
