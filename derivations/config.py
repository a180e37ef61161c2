"""Project configuration: ``[tool.infoderive]`` in ``pyproject.toml``, or ``infoderive.toml``.

Found from the current directory upward: the first directory with an
``infoderive.toml``, or a ``pyproject.toml`` that has a ``[tool.infoderive]``
table, wins (``infoderive.toml`` first, as ruff does with ``ruff.toml``).
Keys (all optional)::

    log-base = 2                 # base of \\log when none is written ("e" or an integer)
    include = ["**/*.md", "**/*.tex"]   # what `lint DIR` checks (gitignore-style globs)
    exclude = ["drafts/**"]      # never linted, also when named on the command line
    [bind]                       # [tool.infoderive.bind] in pyproject.toml
    X = "p"                      # as `--bind X=p`
    [limits]
    seconds = 5                  # per relation, as --timeout
    samples = 500                # random samples per relation

Command-line flags override every key.  Globs are relative to the directory of
the file that sets them.

>>> Config().log_base, Config().limits
(None, {})
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

DEFAULT_INCLUDE = ("**/*.md", "**/*.markdown", "**/*.tex")
KEYS = {"log-base", "bind", "include", "exclude", "limits"}
LIMIT_KEYS = {"seconds", "samples"}


class ConfigError(ValueError):
    """A configuration file that cannot be read or holds a bad value."""


@dataclass(frozen=True)
class Config:
    """The settings of one configuration file (or none: the defaults)."""

    path: Path | None = None
    log_base: str | None = None
    bindings: dict = field(default_factory=dict)
    include: tuple = DEFAULT_INCLUDE
    exclude: tuple = ()
    limits: dict = field(default_factory=dict)

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()


def _table(path: Path) -> dict | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the configuration: {exc}") from exc
    if path.name == "pyproject.toml":
        return data.get("tool", {}).get("infoderive")
    return data


def find_config(start: Path | None = None) -> Path | None:
    """The configuration file that applies in ``start`` (default: the cwd), or None."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "infoderive.toml").is_file():
            return folder / "infoderive.toml"
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _table(pyproject) is not None:
            return pyproject
    return None


def _strings(path, key, value) -> tuple:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: '{key}' wants a list of glob strings")
    return tuple(value)


def parse_config(path: Path, table: dict) -> Config:
    """A :class:`Config` from the ``[tool.infoderive]`` table of ``path``."""
    unknown = set(table) - KEYS
    if unknown:
        raise ConfigError(f"{path}: unknown key(s) {', '.join(sorted(unknown))}; "
                          f"known: {', '.join(sorted(KEYS))}")
    base = table.get("log-base")
    if base is not None:
        base = str(base)
        if base not in ("e", "E") and not (base.isdigit() and int(base) >= 2):
            raise ConfigError(f"{path}: 'log-base' wants \"e\" or an integer >= 2, got {base!r}")
    bindings = table.get("bind", {})
    if not isinstance(bindings, dict) or not all(
            isinstance(v, (str, int, float)) for v in bindings.values()):
        raise ConfigError(f"{path}: 'bind' wants a table of NAME = \"VALUE\"")
    limits = table.get("limits", {})
    if not isinstance(limits, dict) or set(limits) - LIMIT_KEYS:
        raise ConfigError(f"{path}: 'limits' wants a table with {' and '.join(sorted(LIMIT_KEYS))}")
    for key, value in limits.items():
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
            raise ConfigError(f"{path}: limits.{key} wants a positive number")
    return Config(path, base, {k: str(v) for k, v in bindings.items()},
                  _strings(path, "include", table.get("include", list(DEFAULT_INCLUDE))),
                  _strings(path, "exclude", table.get("exclude", [])), dict(limits))


def load_config(start: Path | None = None) -> Config:
    """The configuration that applies in ``start`` (defaults if there is none)."""
    path = find_config(start)
    return Config() if path is None else parse_config(path, _table(path))


def resolve(args, command: str, config: Config) -> None:
    """Fill the options the command line left unset (None) from ``config``,
    then from the built-in defaults; flags always win."""
    if command == "check":  # the catalogue's checks need no LaTeX reader
        from symbolic.verify import CheckOptions
        default_seconds = CheckOptions().symbolic_seconds
    else:
        from symbolic.latex_in.check import DEFAULT_TIMEOUT as default_seconds
    if getattr(args, "timeout", None) is None:
        args.timeout = config.limits.get("seconds", default_seconds)
    if getattr(args, "samples", None) is None:
        args.samples = int(config.limits.get("samples", 1000))
    if command in ("lint", "verify") and args.log_base is None:
        args.log_base = config.log_base
    if command == "verify":
        given = {item.partition("=")[0].strip() for item in args.bind}
        args.bind = [f"{k}={v}" for k, v in config.bindings.items() if k not in given] + args.bind


def configure(args, command: str) -> Config | None:
    """Load the configuration and :func:`resolve` ``args`` with it; None, after
    a one-line message on stderr, when the configuration is bad (exit code 2).

    >>> import argparse
    >>> args = argparse.Namespace(timeout=None, samples=5)
    >>> configure(args, "check") is not None, args.timeout, args.samples
    (True, 10.0, 5)
    """
    try:
        config = load_config()
    except ConfigError as exc:
        print(f"infoderive: {exc}", file=sys.stderr)
        return None
    resolve(args, command, config)
    return config


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def lint_targets(paths, config: Config) -> list[str]:
    """The files ``lint PATH…`` checks: files as named, directories walked for
    the ``include`` globs; anything matching ``exclude`` left out.

    >>> lint_targets(["post.md"], Config(exclude=("drafts/**",)))
    ['post.md']
    """
    import pathspec
    include = pathspec.GitIgnoreSpec.from_lines(config.include)
    exclude = pathspec.GitIgnoreSpec.from_lines(config.exclude)
    root = config.root
    out = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file()
                           and include.match_file(_relative(p, root)))
            out.extend(str(p) for p in found if not exclude.match_file(_relative(p, root)))
        elif not exclude.match_file(_relative(path, root)):
            out.append(name)
    return out
