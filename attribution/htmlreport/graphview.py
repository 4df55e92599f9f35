"""The interactive source–claim graph: node and edge data for vis-network, and its JavaScript.

The data comes from :func:`attribution.graph.build_graph`, the same graph as the GraphML export.
vis-network's standalone build is read from the installed ``pyvis`` package (which ships it under
``pyvis/templates/lib/vis-<version>/``) and inlined in the page: nothing is fetched when it opens.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from typing import Any

from ..errors import AttributionError
from ..graph import COLORS, EDGE_COLORS, SOURCE_TYPES

__all__ = ["GraphViewError", "graph_data", "vis_network_js"]

TITLE_CHARS = 400
_VERSION = re.compile(r"vis-(\d+(?:\.\d+)*)$")


class GraphViewError(AttributionError):
    """The JavaScript for the graph view is not installed."""


def _hex(rgb: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def _version(folder: Path) -> tuple[int, ...]:
    m = _VERSION.search(folder.name)
    return tuple(int(p) for p in m[1].split(".")) if m else ()


def vis_network_js() -> str:
    """The newest vis-network standalone build shipped with pyvis, safe to inline in a ``<script>``.

    Raises:
        GraphViewError: pyvis is not installed, or ships no vis-network build.
    """
    spec = importlib.util.find_spec("pyvis")  # located, not imported: pyvis itself imports IPython
    roots = list(spec.submodule_search_locations or []) if spec else []
    found = (d for root in roots for d in (Path(root) / "templates" / "lib").glob("vis-*"))
    builds = sorted((d for d in found if (d / "vis-network.min.js").is_file()), key=_version)
    if not builds:
        raise GraphViewError("the graph view needs vis-network, which the pyvis package ships: pip install pyvis")
    return (builds[-1] / "vis-network.min.js").read_text(encoding="utf-8").replace("</script", "<\\/script")


def _title(d: dict[str, Any]) -> str:
    """A node's tooltip, plain text (vis-network shows a string title as text, never as HTML)."""
    lines = [str(d.get("label") or ""), str(d.get("type"))]
    for key in ("role", "affiliation", "short", "outlet_kind", "date"):
        if d.get(key):
            lines.append(f"{key}: {d[key]}")
    if d.get("aliases"):
        lines.append("aliases: " + "; ".join(map(str, d["aliases"])))
    if d.get("articles"):
        lines.append(f"articles: {len(d['articles'])}")
    if d.get("type") == "claim" and d.get("text"):
        text = " ".join(str(d["text"]).split())
        lines.append(text if len(text) <= TITLE_CHARS else text[: TITLE_CHARS - 1] + "…")
    return "\n".join(lines)


def _edges_of(G: Any, etype: str) -> list[tuple[str, str]]:
    return [(u, v) for u, v, e in G.edges(data=True) if e.get("type") == etype]


def _outlets(G: Any) -> dict[str, set[str]]:
    """The outlets each node is seen through: its articles' publishers and the channels of its claims."""
    label = {n: str(d.get("label")) for n, d in G.nodes(data=True)}
    out: dict[str, set[str]] = {n: ({label[n]} if d.get("type") == "outlet" else set()) for n, d in G.nodes(data=True)}
    for art, outlet in _edges_of(G, "published_by"):
        out[art].add(label[outlet])
    for claim, outlet in _edges_of(G, "via"):
        out[claim].add(label[outlet])
    for claim, art in _edges_of(G, "reported_in"):
        out[claim] |= out[art]
    for src, claim in _edges_of(G, "said"):
        out[src] |= out[claim]
    for person, org in _edges_of(G, "affiliated_with"):
        out[org] |= out[person]
    return out


def _claims_of(G: Any) -> dict[str, set[str]]:
    """For articles and outlets: the claims they carry (they are shown when one of those is)."""
    claims: dict[str, set[str]] = {n: set() for n in G}
    for claim, art in _edges_of(G, "reported_in"):
        claims[art].add(claim)
    for claim, outlet in _edges_of(G, "via"):
        claims[outlet].add(claim)
    for art, outlet in _edges_of(G, "published_by"):
        claims[outlet] |= claims[art]
    return claims


def graph_data(G: Any, *, page_of: dict[str, str] | None = None) -> dict[str, Any]:
    """Nodes, edges, kinds and outlets of ``G`` for the graph page (JSON-ready).

    Args:
        G: a graph from :func:`attribution.graph.build_graph`.
        page_of: article id -> the href of its page, for links from article nodes.
    """
    page_of = page_of or {}
    outlets, claims = _outlets(G), _claims_of(G)
    kinds = {
        claim: sorted({str(G.nodes[src].get("type")) for src, _ in G.in_edges(claim)} & SOURCE_TYPES)
        for claim, d in G.nodes(data=True)
        if d.get("type") == "claim"
    }
    nodes = []
    for n, d in G.nodes(data=True):
        ntype = str(d.get("type"))
        nodes.append(
            {
                "id": n,
                "label": str(d.get("label") or n),
                "type": ntype,
                "title": _title(d),
                "color": _hex(COLORS.get(ntype, (160, 160, 160))),
                "value": float(d.get("weight", 0) or 0) + 1.0,
                "outlets": sorted(outlets[n]),
                "kinds": kinds.get(n, []),
                "claims": sorted(claims[n]),
                "page": page_of.get(str(d.get("article_id"))) if ntype == "article" else None,
            }
        )
    edges = [
        {
            "from": u,
            "to": v,
            "type": str(e.get("type")),
            "color": _hex(EDGE_COLORS.get(str(e.get("type")), (160, 160, 160))),
            "value": float(e.get("weight", 1.0)),
        }
        for u, v, e in G.edges(data=True)
    ]
    present = {node["type"] for node in nodes}
    return {
        "nodes": nodes,
        "edges": edges,
        "kinds": [k for k in COLORS if k in SOURCE_TYPES and k in present],
        "outlets": sorted({o for node in nodes for o in node["outlets"]}),
        "colors": {k: _hex(v) for k, v in COLORS.items()},
    }
