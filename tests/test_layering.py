"""Import rules (STYLE.md 2.1): leaves import no stage; third-party libraries stay behind one module."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parent.parent / "attribution"

ONLY_IN = {
    "stanza": {"nlp.py"},
    "torch": {"nlp.py"},
    "networkx": {"graph.py"},
    "typer": {"cli.py"},
    "rich": {"report.py", "cli.py"},
    "distributed": {"corpus.py"},
    "trafilatura": {"ingest.py"},
    "charset_normalizer": {"ingest.py"},
    "py3langid": {"language.py"},
    "datasketch": {"claims.py"},
    "rapidfuzz": {"claims.py"},
    "lightgbm": {"decisions.py"},
    "jinja2": {"htmlreport/render.py"},
}
LEAVES = {"model", "lexicon", "errors", "config"}
LATER = {"report", "graph", "cli"}
STAGES = ["quotes/*.py", "speakers.py", "coref.py", "outlets.py", "nlp.py", "ingest.py", "language.py"]


def _package(path: Path) -> list[str]:
    """The dotted package a module file belongs to, as parts: attribution/quotes/marks.py -> attribution.quotes."""
    return ["attribution", *path.relative_to(PKG).parent.parts]


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports, absolute; ``from X import y`` also names ``X.y`` (it may be a module)."""
    return _imports_of(path.read_text(encoding="utf-8"), _package(path))


def _imports_of(source: str, package: list[str]) -> set[str]:
    tree = ast.parse(source)
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                mod = ".".join([*base, *([node.module] if node.module else [])])
            else:
                mod = node.module or ""
            names.add(mod)
            names.update(f"{mod}.{a.name}" for a in node.names)
    return names


def _project_modules(path: Path) -> set[str]:
    """The project's top-level modules that ``path`` imports (``graph`` for ``from . import graph``)."""
    return _top_modules(_imports(path))


def _top_modules(names: set[str]) -> set[str]:
    return {n.split(".")[1] for n in names if n.startswith("attribution.")}


def test_the_rules_name_real_modules():
    for files in ONLY_IN.values():
        for name in files:
            assert (PKG / name).is_file(), f"ONLY_IN names {name}, which does not exist"
    for name in LEAVES | LATER:
        assert (PKG / f"{name}.py").is_file(), name
    for pattern in STAGES:
        assert list(PKG.glob(pattern)), pattern


@pytest.mark.parametrize(
    "source, imported",
    [
        ("from . import graph", {"graph"}),
        ("from .graph import build_graph", {"graph"}),
        ("from .. import report", {"report"}),
        ("import attribution.cli", {"cli"}),
        ("from attribution import model", {"model"}),
    ],
    ids=["from-dot", "from-dot-module", "from-dot-dot", "absolute", "absolute-from"],
)
def test_every_import_form_is_seen(source, imported):
    package = ["attribution", "quotes"] if source.startswith("from ..") else ["attribution"]
    assert _top_modules(_imports_of(source, package)) == imported


def test_third_party_behind_one_module():
    for path in PKG.rglob("*.py"):
        for name in _imports(path):
            top = name.split(".")[0]
            if top in ONLY_IN:
                assert path.relative_to(PKG).as_posix() in ONLY_IN[top], f"{path.relative_to(PKG)} imports {top}"


def test_leaves_import_no_stage():
    for name in LEAVES:
        others = _project_modules(PKG / f"{name}.py") - LEAVES
        assert not others, f"{name}.py imports {sorted(others)}"


def test_stages_never_import_later_stages():
    for path in (p for pattern in STAGES for p in PKG.glob(pattern)):
        later = _project_modules(path) & LATER
        assert not later, f"{path.relative_to(PKG)} imports {sorted(later)}"
