"""The dependency graph: every derivation a node coloured by its verdict, an
edge for each name in a step's ``uses``, grouped by source post; drawn by
Graphviz (``dot``) as SVG with a link on every node.

>>> VERDICT_COLOURS["proved"]
'#b9e4c0'
"""
from __future__ import annotations

import re

from derivations.i18n.ui import CHAPTERS

VERDICT_COLOURS = {"proved": "#b9e4c0", "checked": "#fde8a6", "refuted": "#f7b6b6",
                   "unknown": "#dddddd"}
LEMMA_COLOUR = "#dbe7fb"
ROW = 3


def chapter_of(derivation) -> str:
    """The seed file of the chapter a derivation belongs to: its first source.

    >>> from derivations import registry
    >>> chapter_of(registry.build("spam-example-cross-entropy"))
    '002_639aed3e79f5524e.txt'
    """
    return derivation.sources[0].file


def edges(reports) -> list[tuple[str, str]]:
    """(derivation, used name) for every ``uses`` entry of every step, once each.

    >>> from derivations import registry
    >>> from symbolic.verify import check_derivation
    >>> edges([check_derivation(registry.build("logit-is-log-odds"))])
    []
    """
    seen = []
    for r in reports:
        for sr in r.steps:
            for used in getattr(sr.step, "uses", ()):
                if (r.derivation.name, used) not in seen:
                    seen.append((r.derivation.name, used))
    return seen


def dot_source(reports, say, link=lambda name: f"{name}.html"):
    """The Graphviz graph (a ``graphviz.Digraph``) of the checked derivations.

    >>> from derivations import registry
    >>> from derivations.i18n import gettext
    >>> from symbolic.verify import check_derivation
    >>> graph = dot_source([check_derivation(registry.build("logit-is-log-odds"))],
    ...                    gettext("en"))
    >>> 'id="node-logit-is-log-odds"' in graph.source
    True
    """
    import graphviz
    graph = graphviz.Digraph("dependencies", graph_attr={
        "rankdir": "TB", "newrank": "true", "fontname": "Noto Sans CJK KR", "fontsize": "12",
        "bgcolor": "transparent"}, node_attr={
        "shape": "box", "style": "rounded,filled", "fontname": "DejaVu Sans Mono",
        "fontsize": "10"})
    names = {r.derivation.name for r in reports}
    previous_row = None
    for file, title in CHAPTERS:
        members = [r for r in reports if chapter_of(r.derivation) == file]
        if not members:
            continue
        # A grid of ROW boxes a row, chapters one under another: invisible edges
        # set the ranks, since the uses edges do not constrain the layout.
        order = [r.derivation.name for r in members]
        for first in order[:ROW] if previous_row else ():
            graph.edge(previous_row, first, style="invis")
        for upper, lower in zip(order, order[ROW:]):
            graph.edge(upper, lower, style="invis")
        previous_row = order[(len(order) - 1) // ROW * ROW]
        with graph.subgraph(name=f"cluster_{file.split('_')[0]}") as cluster:
            cluster.attr(label=say(title, "chapter"), style="rounded", color="#999999")
            for r in members:
                d = r.derivation
                cluster.node(d.name, label=d.name, URL=link(d.name), target="_top",
                             tooltip=f"{d.title} ({say(r.verdict, 'verdict')})",
                             fillcolor=VERDICT_COLOURS[r.verdict], id=f"node-{d.name}")
    for source, used in edges(reports):
        if used not in names:
            graph.node(used, label=used, shape="ellipse", fillcolor=LEMMA_COLOUR,
                       id=f"lemma-{used}")
        graph.edge(source, used, constraint="false")
    return graph


def graph_svg(reports, say, link=lambda name: f"{name}.html") -> str:
    """The graph as inline SVG (no XML prolog, no fixed size); needs Graphviz's ``dot``.

    >>> from derivations import registry
    >>> from derivations.i18n import gettext
    >>> from symbolic.verify import check_derivation
    >>> graph_svg([check_derivation(registry.build("logit-is-log-odds"))],
    ...           gettext("en"))[:18]   # doctest: +SKIP
    '<svg class="graph"'
    """
    import graphviz
    try:
        svg = dot_source(reports, say, link).pipe(format="svg", encoding="utf-8")
    except graphviz.ExecutableNotFound:
        from derivations.site import SiteError
        raise SiteError("Graphviz is not installed (Debian: graphviz): the dependency "
                        "graph needs its 'dot'") from None
    svg = svg[svg.index("<svg"):]
    return re.sub(r'<svg width="[^"]*" height="[^"]*"', '<svg class="graph"', svg, count=1)
