"""The ``infoderive`` command line: list, show, check, build, verify, lint, book, site.

A thin layer over the library; ``main(argv)`` returns the exit code, so tests
call it in-process.  Exit codes (DESIGN.md): ``check`` 0 all hold, 1 any step
refuted or unknown; ``show`` 2 for an unknown name; ``build --check`` 1 when
the committed docs are stale; ``verify`` 0 holds, 1 fails, 2 unreadable, 3
unknown; ``lint`` 0 no wrong step, 1 a wrong step, 2 unreadable file;
``book`` 0, 1 LaTeX error; ``site`` 0, 1 build error.  ``--lang en|ko`` (show,
build, book, site) chooses the language of titles, reasons, notes and errata.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from derivations import registry

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse that reports bad usage as exit code 2 without a traceback."""

    def error(self, message):
        self.print_usage(sys.stderr)
        print(f"infoderive: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def _options(args):
    from symbolic.verify import CheckOptions
    return CheckOptions(samples=args.samples, symbolic_seconds=args.timeout)


def _add_check_options(p):
    p.add_argument("--samples", type=int, default=1000,
                   help="random samples per step (default 1000)")
    p.add_argument("--timeout", type=float, default=10.0,
                   help="seconds allowed for each symbolic attempt (default 10)")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                   help="processes to check derivations on (default: all cores)")


def _add_ci_options(p):
    """Options shared by lint, check and verify: output format and the result cache."""
    p.add_argument("--format", choices=("text", "json", "github", "sarif"), default="text",
                   help="text (default), json, github (Actions annotations) or sarif (2.1.0)")
    p.add_argument("--json", dest="format", action="store_const", const="json",
                   help="short for --format json")
    p.add_argument("--no-cache", action="store_true",
                   help="neither read nor write the result cache")


def _build(names, out):
    try:
        return [registry.build(n) for n in names] if names else registry.build_all()
    except registry.UnknownDerivation as exc:
        print(f"infoderive: {exc}", file=sys.stderr)
        return None


def cmd_list(args, out):
    derivations = registry.build_all()
    if args.json:
        from symbolic.printing.json import list_json
        json.dump(list_json(derivations), out, indent=2, ensure_ascii=False)
        out.write("\n")
        return EXIT_OK
    width = max(len(d.name) for d in derivations)
    for d in derivations:
        out.write(f"{d.name:<{width}}  {d.title}\n{'':<{width}}  source: {d.source_sections}\n")
    return EXIT_OK


def _add_lang(p):
    from derivations.i18n import LANGUAGES
    p.add_argument("--lang", choices=LANGUAGES, default="en",
                   help="language of titles, reasons, notes and errata (default en)")


def cmd_show(args, out):
    from derivations.i18n import translate
    from symbolic.verify import check_derivation
    derivations = _build([args.name], out)
    if derivations is None:
        return EXIT_USAGE
    report = check_derivation(translate(derivations[0], args.lang), _options(args))
    if args.format == "json":
        from symbolic.printing.json import derivation_json
        json.dump(derivation_json(report), out, indent=2, ensure_ascii=False)
        out.write("\n")
    elif args.format == "latex":
        from symbolic.printing.latex import derivation_block
        out.write(derivation_block(report, unicode=args.lang != "en"))
    elif args.format == "markdown":
        from symbolic.printing.markdown import derivation_markdown
        out.write(derivation_markdown(report))
    else:
        from symbolic.printing.text import derivation_text
        out.write(derivation_text(report))
    return EXIT_OK


def cmd_check(args, out):
    from derivations import check_command
    return check_command.run(args, out)


def cmd_build(args, out):
    from derivations import build
    from derivations.i18n import gettext, translate
    from symbolic.verify import check_derivations
    options = _options(args)
    derivations = [translate(d, args.lang) for d in registry.build_all()]
    reports = check_derivations(derivations, options, jobs=args.jobs)
    translated = args.lang != "en"
    # docs/LANG/derivations/ is one folder deeper than docs/derivations/
    files = build.render(reports, options, unicode=translated,
                         depth=3 if translated and args.out is None else 2,
                         say=gettext(args.lang) if translated else None)
    target = Path(args.out or ("docs" if args.lang == "en" else f"docs/{args.lang}"))
    if args.check:
        bad = build.stale(files, target)
        if bad:
            out.write(f"stale: {len(bad)} generated files differ from what "
                      f"'infoderive build' writes:\n")
            out.writelines(f"  {target / rel}\n" for rel in bad)
            return EXIT_FAIL
        out.write(f"up to date: {len(files)} files in {target}\n")
        return EXIT_OK
    written = build.write(files, target)
    out.write(f"wrote {len(written)} files to {target}\n")
    return EXIT_OK


def _checked(args):
    from symbolic.verify import check_derivations
    return check_derivations(registry.build_all(), _options(args), jobs=args.jobs)


def cmd_site(args, out):
    from derivations.katex import KatexUnavailable
    from derivations.site import SiteError, build_site
    target = Path(args.out)
    langs = (args.lang,) if args.lang else None
    try:
        reports = _checked(args)
        pages = build_site(reports, target, _options(args), **({"langs": langs} if langs else {}))
    except (KatexUnavailable, SiteError, ImportError, OSError) as exc:
        print(f"infoderive: site: {exc}", file=sys.stderr)
        return EXIT_FAIL
    out.write(f"wrote {len(pages)} pages to {target}\n")
    return EXIT_OK


def cmd_book(args, out):
    from derivations.book import BookError, build_book
    target = Path(args.out)
    try:
        pdf = build_book(_checked(args), target, args.lang, _options(args))
    except (BookError, ImportError, OSError) as exc:
        print(f"infoderive: book: {exc}", file=sys.stderr)
        return EXIT_FAIL
    out.write(f"wrote {pdf}\n")
    return EXIT_OK


def cmd_verify(args, out):
    from derivations import verify_command
    return verify_command.run(args, out)


def cmd_lint(args, out):
    from derivations import lint_command
    return lint_command.run(args, out)


def _parser():
    parser = _Parser(prog="infoderive", description="Derive, verify and typeset the "
                     "information theory behind the cross-entropy loss.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    p = sub.add_parser("list", help="every derivation: name, title, source")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_list)
    p = sub.add_parser("show", help="one derivation, each step with reason and verdict")
    p.add_argument("name")
    p.add_argument("--format", choices=("latex", "markdown", "text", "json"), default="text")
    _add_lang(p)
    _add_check_options(p)
    p.set_defaults(run=cmd_show)
    p = sub.add_parser("check", help="verify every (or the named) derivation")
    p.add_argument("names", nargs="*", metavar="NAME")
    _add_check_options(p)
    _add_ci_options(p)
    p.set_defaults(run=cmd_check, samples=None, timeout=None)  # None: from the config
    p = sub.add_parser("build", help="write docs/derivations/ and docs/errata.md")
    p.add_argument("--out", default=None,
                   help="folder to write (default: docs; docs/LANG for another language)")
    p.add_argument("--check", action="store_true",
                   help="fail (exit 1) if the files in --out are stale")
    _add_lang(p)
    _add_check_options(p)
    p.set_defaults(run=cmd_build)
    p = sub.add_parser("book", help="the PDF book (XeLaTeX with latexmk)")
    p.add_argument("--out", default="out/book", help="folder to write (default: out/book)")
    _add_lang(p)
    _add_check_options(p)
    p.set_defaults(run=cmd_book)
    p = sub.add_parser("site", help="the static site: KaTeX, step reveal, ko/en, graph, figures")
    p.add_argument("--out", default="out/site", help="folder to write (default: out/site)")
    p.add_argument("--lang", choices=("en", "ko"), default=None,
                   help="build one language only (default: both, with a switch on every page)")
    _add_check_options(p)
    p.set_defaults(run=cmd_site)
    for name, helptext in (("verify", "check one relation or chain written in LaTeX"),
                           ("lint", "check every relation in Markdown/LaTeX files")):
        p = sub.add_parser(name, help=helptext)
        try:
            module = __import__(f"derivations.{name}_command", fromlist=["add_arguments"])
        except ImportError:
            p.set_defaults(run=lambda args, out, n=name: _missing(n))
            continue
        module.add_arguments(p)
        _add_ci_options(p)
        p.set_defaults(run=cmd_verify if name == "verify" else cmd_lint)
    return parser


def _missing(name):
    print(f"infoderive: the '{name}' command is not available in this build", file=sys.stderr)
    return EXIT_USAGE


def main(argv=None) -> int:
    """Run the command line; return the exit code.

    >>> main(["show", "no-such-derivation"])
    2
    """
    out = sys.stdout
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    try:
        return args.run(args, out)
    except KeyboardInterrupt:
        print("infoderive: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # the last line of defence: never a traceback
        print(f"infoderive: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 70
