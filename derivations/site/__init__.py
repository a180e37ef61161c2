"""``infoderive site``: a static site that works offline.

Every formula is rendered by KaTeX at build time (no script renders math in
the browser, no CDN); the pages come from Jinja2 templates in ``templates/``;
the KaTeX stylesheet and fonts, the figures (matplotlib) and the dependency
graph (Graphviz) are written beside them.  Layout of the output::

    index.html                     language choice (links to en/ and ko/)
    en/index.html, ko/index.html   every derivation, by source post
    en/NAME.html …                 one page per derivation, steps revealed one at a time
    en/graph.html, errata.html, figures.html
    assets/                        site.css, site.js, katex/ (css + fonts)
    figures/NAME.svg
"""
from __future__ import annotations

import shutil
from pathlib import Path

from derivations import figures as figure_module
from derivations.i18n import LANGUAGES, gettext, translate_report
from derivations.i18n.ui import CHAPTERS
from derivations.katex import katex_dir, render
from derivations.site.graph import chapter_of, graph_svg
from symbolic.printing.latex import RELATION_LATEX, latex
from symbolic.printing.markdown import step_math
from symbolic.verify import check_erratum

HERE = Path(__file__).parent
LANGUAGE_NAMES = {"en": "English", "ko": "한국어"}


class SiteError(RuntimeError):
    """The site could not be built (a formula KaTeX rejects, a missing tool)."""


def _environment():
    import jinja2
    return jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"),
                              autoescape=True, undefined=jinja2.StrictUndefined,
                              trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def claim_latex(erratum) -> str:
    r"""The document's wrong claim as one LaTeX relation.

    >>> from derivations import registry
    >>> print(claim_latex(registry.build("shannon-information").errata[0]))
    - \log_{2}{\left(\frac{1}{P} \right)} = - \log_{2}{\left(P \right)}
    """
    lhs, relation, rhs = erratum.claim
    return f"{latex(lhs)} {RELATION_LATEX[relation]} {latex(rhs)}"


def formulas(reports) -> list[str]:
    """Every formula of the site, once each, in order of appearance.

    >>> from derivations import registry
    >>> from symbolic.verify import check_derivation
    >>> for tex in formulas([check_derivation(registry.build("logit-is-log-odds"))])[:2]:
    ...     print(tex)
    \\operatorname{logit}(p)
    = \\log{\\left(\\frac{p}{1 - p} \\right)}
    """
    found = []
    for r in reports:
        found.append(latex(r.derivation.start))
        found += [step_math(r, i) for i in range(len(r.steps))]
        found += [claim_latex(e) for e in r.derivation.errata]
    return list(dict.fromkeys(found))


def render_formulas(reports) -> dict:
    """tex → KaTeX HTML for every formula; :class:`SiteError` naming any KaTeX rejects."""
    rendered = render([(tex, True) for tex in formulas(reports)])
    errors = [f"{r.tex}: {r.error}" for r in rendered if r.error]
    if errors:
        raise SiteError("KaTeX cannot render:\n  " + "\n  ".join(errors))
    return {r.tex: r.html for r in rendered}


def _errata(reports, options):
    """(erratum, derivation name, verdict) for every erratum, by file and line."""
    pairs = [(e, i, r) for r in reports for i, e in enumerate(r.derivation.errata)]
    pairs.sort(key=lambda t: (t[0].file, t[0].line))
    return [(i, r.derivation.name, check_erratum(e, options)) for e, i, r in pairs]


class _Site:
    """What every page of one build shares: rendered math, errata verdicts, figures."""

    def __init__(self, reports, options):
        self.reports = reports
        self.math = render_formulas(reports)
        self.errata = _errata(reports, options)
        self.env = _environment()
        self.names = {r.derivation.name for r in reports}

    def write(self, out: Path, langs) -> list:
        written = []
        for lang in langs:
            written += self._language(out, lang)
        root = self.env.get_template("root.html").render(
            languages=[(lang, LANGUAGE_NAMES[lang]) for lang in langs])
        (out / "index.html").write_text(root, encoding="utf-8")
        return written + [out / "index.html"]

    def _common(self, lang, page):
        other = "ko" if lang == "en" else "en"
        return {"lang": lang, "_": gettext(lang), "page": page, "other_lang": other,
                "other_name": LANGUAGE_NAMES[other], "other_href": f"../{other}/{page}"}

    def _language(self, out: Path, lang: str) -> list:
        folder = out / lang
        folder.mkdir(parents=True, exist_ok=True)
        say = gettext(lang)
        reports = [translate_report(r, lang) for r in self.reports]
        by_name = {r.derivation.name: r for r in reports}
        pages = {"index.html": ("index.html", {"chapters": self._chapters(reports, say)}),
                 "graph.html": ("graph.html", {"svg": graph_svg(reports, say),
                                               "reports": reports}),
                 "errata.html": ("errata.html", {"errata": [
                     (by_name[name].derivation.errata[i], by_name[name], verdict,
                      self.math[claim_latex(by_name[name].derivation.errata[i])])
                     for i, name, verdict in self.errata]}),
                 "figures.html": ("figures.html", {"figures": list(
                     figure_module.FIGURES.values()), "by_name": by_name})}
        for r in reports:
            pages[f"{r.derivation.name}.html"] = ("derivation.html", self._derivation(r))
        written = []
        for page, (template, context) in pages.items():
            html = self.env.get_template(template).render(**self._common(lang, page), **context)
            (folder / page).write_text(html, encoding="utf-8")
            written.append(folder / page)
        return written

    def _chapters(self, reports, say):
        return [(say(title, "chapter"), [r for r in reports if chapter_of(r.derivation) == file])
                for file, title in CHAPTERS]

    def _derivation(self, report):
        steps = []
        for i, sr in enumerate(report.steps):
            uses = [(name, f"{name}.html" if name in self.names else None)
                    for name in sr.step.uses]
            steps.append({"number": i + 1, "math": self.math[step_math(report, i)],
                          "reason": sr.step.reason, "verdict": sr.verdict, "uses": uses})
        errata = [(e, self.math[claim_latex(e)]) for e in report.derivation.errata]
        return {"report": report, "d": report.derivation, "steps": steps,
                "start": self.math[latex(report.derivation.start)], "errata": errata,
                "figures": figure_module.for_derivation(report.derivation.name)}


def copy_assets(out: Path) -> None:
    """site.css, site.js, and KaTeX's stylesheet and fonts into ``out/assets``."""
    assets = out / "assets"
    assets.mkdir(parents=True, exist_ok=True)
    for name in ("site.css", "site.js"):
        shutil.copyfile(HERE / "static" / name, assets / name)
    dist = katex_dir() / "dist"
    target = assets / "katex"
    if target.exists():
        shutil.rmtree(target)
    target.mkdir()
    shutil.copyfile(dist / "katex.min.css", target / "katex.min.css")
    shutil.copytree(dist / "fonts", target / "fonts")


def build_site(reports, out: Path, options=None, langs=LANGUAGES) -> list:
    """Write the whole site for the checked ``reports`` under ``out``; the pages written."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    copy_assets(out)
    figure_module.write_figures(out / "figures", "svg")
    return _Site(reports, options).write(out, langs)
