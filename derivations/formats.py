"""Output formats CI tools read, built from the contract JSON documents.

``github`` prints GitHub Actions workflow commands (one annotation per
finding); ``sarif`` prints a SARIF 2.1.0 log for code scanning.  Both take the
JSON document of ``lint``, ``check`` or ``verify`` (DESIGN.md) and nothing of
the reader's internals.  Severity: a refuted relation is an error, an
unreadable one (``error``) a warning, an undecided one (``unknown``) a note.

>>> doc = {"files": [{"file": "post.md", "relations_total": 1, "relations_checked": 1,
...        "findings": [{"line": 3, "verdict": "refuted", "relation": "=", "lhs": "a",
...                      "rhs": "b", "message": "fails", "counterexample": None}]}]}
>>> print(github("lint", doc))
::error file=post.md,line=3,title=infoderive%3A refuted::a = b: fails
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

FORMATS = ("text", "json", "github", "sarif")
LEVELS = {"refuted": ("error", "error"), "error": ("warning", "warning"),
          "unknown": ("notice", "note")}  # verdict: (GitHub command, SARIF level)
RULES = {
    "refuted": "A relation is false: a counterexample was found and re-checked at high "
               "precision.",
    "error": "A relation's LaTeX cannot be read (a syntax error) or a file cannot be read.",
    "unknown": "A relation could not be decided (not understood, or out of time).",
}


@dataclass(frozen=True)
class Finding:
    """One thing to show a CI reviewer: where, what verdict, what it says."""

    verdict: str
    message: str
    file: str = ""
    line: int = 0
    name: str = ""   # a derivation's name (``check``), when there is no file


def _relation(f) -> str:
    return f"{f['lhs']} {f['relation']} {f['rhs']}".strip()


def _counterexample(ce) -> str:
    if not ce:
        return ""
    values = "; ".join(f"{k} = {v}" for k, v in ce.get("values", {}).items())
    return f" (counterexample: {values}{'; ' if values else ''}lhs = {ce['lhs']}, " \
           f"rhs = {ce['rhs']})"


def findings(command: str, document: dict, files: dict | None = None) -> list[Finding]:
    """The findings of a ``lint``, ``check`` or ``verify`` JSON document.

    ``files`` (``check`` only) maps a derivation's name to the file that
    defines it, so annotations can point there.
    """
    out = []
    if command == "lint":
        for f in document["files"]:
            for x in f["findings"]:
                where = _relation(x)
                out.append(Finding(x["verdict"], f"{where + ': ' if where else ''}{x['message']}"
                                   f"{_counterexample(x.get('counterexample'))}",
                                   f["file"], x["line"]))
    elif command == "check":
        for d in document["derivations"]:
            for i, s in enumerate(d["steps"], 1):
                if s["verdict"] in ("proved", "checked"):
                    continue
                why = s.get("reason") or s["method"]
                out.append(Finding(s["verdict"], f"{d['name']}, step {i} ({s['relation']}): "
                                   f"{s['verdict']}: {why}{_counterexample(s.get('counterexample'))}",
                                   (files or {}).get(d["name"], ""), name=d["name"]))
    elif command == "verify":
        steps = [s for s in document["steps"] if s["verdict"] not in ("proved", "checked")]
        for s in steps:
            out.append(Finding(s["verdict"], f"{_relation(s)}: {s['verdict']} ({s['method']})"
                               f"{_counterexample(s.get('counterexample'))}"))
        if not steps and document["verdict"] in LEVELS:
            out.append(Finding(document["verdict"], document["message"]))
    else:
        raise ValueError(f"no findings for command {command!r}")
    return out


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github(command: str, document: dict, files: dict | None = None) -> str:
    """GitHub Actions annotations (``::error file=…,line=…,title=…::message``).

    >>> print(github("verify", {"verdict": "unknown", "message": "50%\\ndone",
    ...                         "steps": []}))
    ::notice title=infoderive%3A unknown::50%25%0Adone
    """
    lines = []
    for f in findings(command, document, files):
        props = []
        if f.file:
            props.append(f"file={_escape_property(f.file)}")
            if f.line > 0:
                props.append(f"line={f.line}")
        props.append(f"title={_escape_property('infoderive: ' + f.verdict)}")
        lines.append(f"::{LEVELS[f.verdict][0]} {','.join(props)}::{_escape_data(f.message)}")
    return "\n".join(lines)


def _uri(path: str) -> str:
    p = Path(path)
    if p.is_absolute():
        return p.as_uri()
    return quote(p.as_posix())


def _location(f: Finding) -> list:
    if f.file:
        physical = {"artifactLocation": {"uri": _uri(f.file)}}
        if f.line > 0:
            physical["region"] = {"startLine": f.line}
        return [{"physicalLocation": physical}]
    if f.name:
        return [{"logicalLocations": [{"name": f.name, "kind": "function"}]}]
    return []


def sarif(command: str, document: dict, files: dict | None = None) -> dict:
    """A SARIF 2.1.0 log (a dict: ``json.dumps`` it) with one result per finding.

    >>> log = sarif("lint", {"files": []})
    >>> log["version"], log["runs"][0]["tool"]["driver"]["name"]
    ('2.1.0', 'infoderive')
    """
    from importlib import metadata
    try:
        version = metadata.version("infoderive")
    except metadata.PackageNotFoundError:
        version = "0"
    rule_ids = list(RULES)
    rules = [{"id": rid, "name": rid.capitalize() + "Relation",
              "shortDescription": {"text": RULES[rid]},
              "defaultConfiguration": {"level": LEVELS[rid][1]}} for rid in rule_ids]
    results = []
    for f in findings(command, document, files):
        result = {"ruleId": f.verdict, "ruleIndex": rule_ids.index(f.verdict),
                  "level": LEVELS[f.verdict][1], "message": {"text": f.message}}
        locations = _location(f)
        if locations:
            result["locations"] = locations
        results.append(result)
    return {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
            "runs": [{"tool": {"driver": {"name": "infoderive", "version": version,
                                          "rules": rules}},
                      "results": results}]}


def emit(fmt: str, command: str, document: dict, text: str, out, files=None) -> None:
    """Write ``document`` to ``out`` in format ``fmt`` (``text`` is the human form)."""
    if fmt == "json":
        out.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "github":
        rendered = github(command, document, files)
        out.write(rendered + "\n" if rendered else "")
    elif fmt == "sarif":
        out.write(json.dumps(sarif(command, document, files), ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(text + "\n")
