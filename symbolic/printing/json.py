"""JSON documents of the public contract (DESIGN.md, "Public contracts")."""
from __future__ import annotations

import sympy as sp

from symbolic.printing.latex import latex


def proof_fields(sr) -> dict:
    """``uses`` (what the step cites and what its proof used: lemma or derivation
    names), ``side_conditions`` and ``instance`` of a lemma proof; only those present."""
    v = sr.verdict
    uses = list(dict.fromkeys((*sr.step.uses, *v.uses)))
    fields = {"uses": uses} if uses else {}
    if v.side_conditions:
        fields["side_conditions"] = list(v.side_conditions)
    if v.instance:
        fields["instance"] = v.instance
    return fields


def step_json(sr) -> dict:
    """One step of ``show --format json``."""
    v = sr.verdict
    return {"latex": latex(sr.step.expr), "relation": sr.step.relation,
            "reason": sr.step.reason, "verdict": v.status, "method": v.method,
            "srepr": sp.srepr(sr.step.expr), **proof_fields(sr)}


def derivation_json(report) -> dict:
    """``show NAME --format json``: name, title, source, steps (plus start and notes)."""
    d = report.derivation
    return {"name": d.name, "title": d.title, "source": d.source,
            "sections": d.source_sections,
            "start": {"latex": latex(d.start), "srepr": sp.srepr(d.start)},
            "steps": [step_json(sr) for sr in report.steps], "notes": list(d.notes)}


def check_json(reports) -> dict:
    """``check --json``: every derivation's steps, then the summary counts."""
    derivations, counts = [], {"proved": 0, "checked": 0, "refuted": 0, "unknown": 0}
    for r in reports:
        steps = []
        for sr in r.steps:
            counts[sr.verdict.status] += 1
            entry = {"relation": sr.step.relation, "verdict": sr.verdict.status,
                     "method": sr.verdict.method, **proof_fields(sr)}
            if sr.verdict.counterexample is not None:
                entry["counterexample"] = sr.verdict.counterexample.as_dict()
            if sr.verdict.reason:
                entry["reason"] = sr.verdict.reason
            steps.append(entry)
        derivations.append({"name": r.derivation.name, "verdict": r.verdict, "steps": steps})
    summary = {"derivations": len(reports), "steps": sum(counts.values()), **counts}
    return {"derivations": derivations, "summary": summary}


def list_json(derivations) -> list:
    """``list --json``: name, title and source of each derivation."""
    return [{"name": d.name, "title": d.title, "source": d.source,
             "sections": d.source_sections} for d in derivations]
