"""Import rules (STYLE.md 2.1): leaves import no stage; third-party libraries stay behind one module."""

from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parent.parent / "attribution"

ONLY_IN = {
    "stanza": {"nlp.py"},
    "networkx": {"graph.py"},
    "typer": {"cli.py"},
    "rich": {"report.py", "cli.py", "evaluate.py"},
    "datasketch": {"claims.py"},
    "rapidfuzz": {"claims.py"},
}
LEAVES = {"model.py", "lexicon.py", "errors.py", "config.py"}
LATER = {"report", "graph", "cli"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            mod = node.module or ""
            names.add(("." * node.level) + mod)
    return names


def test_third_party_behind_one_module():
    for path in PKG.rglob("*.py"):
        for name in _imports(path):
            top = name.split(".")[0]
            if top in ONLY_IN:
                assert path.name in ONLY_IN[top], f"{path.relative_to(PKG)} imports {top}"


def test_leaves_import_no_stage():
    for name in LEAVES:
        for imp in _imports(PKG / name):
            if imp.startswith("."):
                assert imp.lstrip(".") in {"model", "lexicon", "errors", "config"} or imp == ".", (
                    f"{name} imports {imp}"
                )


def test_stages_never_import_later_stages():
    for path in [
        *PKG.glob("quotes/*.py"),
        *(PKG / n for n in ("speakers.py", "coref.py", "outlets.py", "nlp.py", "ingest.py")),
    ]:
        for imp in _imports(path):
            assert imp.lstrip(".").split(".")[0] not in LATER, f"{path.name} imports {imp}"
