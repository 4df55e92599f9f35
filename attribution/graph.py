"""The source graph: networkx build and merge, GraphML (Gephi) and GEXF export.

Nodes: ``person``, ``organization``, ``group``, ``anonymous``, ``document``, ``outlet``, ``claim``, ``article``.
Edges: ``said`` (source -> claim), ``via`` (claim -> outlet), ``affiliated_with`` (person ->
organization), ``reported_in`` (claim -> article), ``published_by`` (article -> outlet).
Only this module imports networkx.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

import networkx as nx

from .coref import corpus_aliases, slug, source_id
from .errors import OutputError
from .model import ArticleResult, SourceKind

__all__ = ["build_graph", "merge_graphs", "read_graphml", "top_sources", "write_gexf", "write_graphml"]

COLORS: dict[str, tuple[int, int, int]] = {
    "person": (31, 119, 180),
    "organization": (255, 127, 14),
    "group": (44, 160, 44),
    "anonymous": (127, 127, 127),
    "document": (23, 190, 207),
    "outlet": (214, 39, 40),
    "claim": (188, 189, 34),
    "article": (148, 103, 189),
}
EDGE_COLORS: dict[str, tuple[int, int, int]] = {
    "said": (31, 119, 180),
    "via": (214, 39, 40),
    "affiliated_with": (255, 127, 14),
    "reported_in": (148, 103, 189),
    "published_by": (140, 86, 75),
}
LABEL_CHARS = 80
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_CLAIM_WORDS = re.compile(r"\w+")


def _clean(s: str) -> str:
    return _XML_ILLEGAL.sub("", s)


def _nid(raw: str) -> str:
    """Make any id an XML NMTOKEN ("person:noah-bonsey"), whatever a result file holds."""
    prefix, _, rest = raw.partition(":")
    return f"{slug(prefix)}:{slug(rest)}" if rest else slug(prefix)


def _claim_key(text: str) -> str:
    """Near-identical claims (same words, case and punctuation aside) share a key."""
    words = " ".join(_CLAIM_WORDS.findall(text.casefold()))
    return hashlib.sha1(words.encode("utf-8")).hexdigest()[:12]


def _add_node(G: nx.DiGraph, nid: str, ntype: str, label: str, **attrs: Any) -> None:
    if nid in G:
        node = G.nodes[nid]
        node["weight"] = node.get("weight", 0) + attrs.pop("weight", 0)
        for k, v in attrs.items():
            if k == "aliases":
                node["aliases"] = sorted(set(node.get("aliases", [])) | set(v))
            elif k == "articles":
                node["articles"] = sorted(set(node.get("articles", [])) | set(v))
            elif node.get(k) in (None, "") and v not in (None, ""):
                node[k] = v
        return
    G.add_node(nid, type=ntype, label=label, **attrs)


def _add_edge(G: nx.DiGraph, u: str, v: str, etype: str, **attrs: Any) -> None:
    if G.has_edge(u, v):
        G.edges[u, v]["weight"] += 1.0
        return
    G.add_edge(u, v, type=etype, label=etype, weight=1.0, **attrs)


def build_graph(results: Iterable[ArticleResult]) -> nx.DiGraph:
    """Build one graph from article results, merging sources across articles by alias."""
    results = list(results)
    alias_map = corpus_aliases([s for r in results for s in r.sources])
    G = nx.DiGraph()
    for r in results:
        a = r.article
        art = f"article:{slug(a.id)}"
        _add_node(G, art, "article", a.title or a.id, article_id=a.id, path=a.path, date=a.date, weight=1)
        if a.outlet:
            out = f"outlet:{slug(a.outlet)}"
            _add_node(G, out, "outlet", a.outlet, weight=0)
            _add_edge(G, art, out, "published_by")
        names = {s.id: s for s in r.sources}
        for s in r.sources:
            if s.kind is SourceKind.PERSON and s.affiliation:
                org_raw = source_id(SourceKind.ORGANIZATION, s.affiliation)
                org = _nid(alias_map.get(org_raw, org_raw))
                aff = names.get(source_id(SourceKind.ORGANIZATION, s.affiliation))
                _add_node(
                    G,
                    org,
                    "organization",
                    s.affiliation,
                    short=aff.short if aff else None,
                    aliases=list(aff.aliases) if aff else [s.affiliation],
                    weight=0,
                )
                pid = _nid(alias_map.get(s.id, s.id))
                _add_node(G, pid, str(s.kind), s.name, aliases=list(s.aliases), short=s.short, role=s.role, weight=0)
                _add_edge(G, pid, org, "affiliated_with", role=s.role)
        first_claim: dict[str, str] = {}
        for q in r.quotes:
            if q.continues and q.continues in first_claim:
                cid = first_claim[q.continues]
                node = G.nodes[cid]
                node["text"] = _clean(node["text"] + " … " + q.content.text)
                first_claim[q.id] = cid
                continue
            cid = f"claim:{_claim_key(q.content.text)}"
            first_claim[q.id] = cid
            label = " ".join(q.content.text.split())
            if len(label) > LABEL_CHARS:
                label = label[: LABEL_CHARS - 1] + "…"
            _add_node(G, cid, "claim", label, text=q.content.text, kind=str(q.kind), articles=[a.id], weight=1)
            _add_edge(G, cid, art, "reported_in")
            if q.speaker is not None and q.speaker.source_id:
                src = names.get(q.speaker.source_id)
                sid = _nid(alias_map.get(q.speaker.source_id, q.speaker.source_id))
                _add_node(
                    G,
                    sid,
                    str(q.speaker.kind),
                    src.name if src else q.speaker.name,
                    aliases=list(src.aliases) if src else [q.speaker.mention],
                    short=src.short if src else None,
                    role=q.speaker.role or (src.role if src else None),
                    affiliation=q.speaker.affiliation or (src.affiliation if src else None),
                    weight=1,
                )
                _add_edge(G, sid, cid, "said", kind=str(q.kind), cue=q.cue.lemma if q.cue else None, article=a.id)
            if q.outlet is not None:
                oid = f"outlet:{slug(q.outlet.name)}"
                _add_node(
                    G,
                    oid,
                    "outlet",
                    q.outlet.name,
                    outlet_kind=str(q.outlet.kind),
                    aliases=[q.outlet.mention],
                    weight=1,
                )
                _add_edge(G, cid, oid, "via")
    return G


def merge_graphs(graphs: Iterable[nx.DiGraph]) -> nx.DiGraph:
    """Union graphs on node ids, summing node and edge weights."""
    G = nx.DiGraph()
    for g in graphs:
        for n, d in g.nodes(data=True):
            d = dict(d)
            _add_node(G, n, d.pop("type"), d.pop("label"), **d)
        for u, v, d in g.edges(data=True):
            if G.has_edge(u, v):
                G.edges[u, v]["weight"] += d.get("weight", 1.0)
            else:
                G.add_edge(u, v, **d)
    return G


def _graphml_attrs(d: dict[str, Any], *, node: bool) -> dict[str, Any]:
    """Make attributes GraphML- and Gephi-safe: no None or lists, no XML-illegal characters."""
    out: dict[str, Any] = {}
    for k, v in d.items():
        if v is None:
            continue
        if isinstance(v, (list, tuple, set)):
            v = "; ".join(str(x) for x in v)
        if isinstance(v, bool):
            v = str(v).lower()
        if isinstance(v, float) and not math.isfinite(v):
            continue
        if isinstance(v, int) and not isinstance(v, bool) and abs(v) >= 2**31:
            v = str(v)
        if isinstance(v, str):
            v = _clean(v)
        out[k] = v
    if node:
        label = _clean(str(d.get("label") or "")).strip()
        out["label"] = label if label.isprintable() and label else (_clean(label).strip() or "?")
        r, g, b = COLORS.get(str(d.get("type")), (160, 160, 160))
        out["size"] = float(10 + 5 * float(d.get("weight", 0) or 0))
        out.pop("weight", None)
    else:
        r, g, b = EDGE_COLORS.get(str(d.get("type")), (160, 160, 160))
        out["weight"] = float(d.get("weight", 1.0))
    out["r"], out["g"], out["b"] = int(r), int(g), int(b)
    return out


def _for_export(G: nx.DiGraph) -> nx.DiGraph:
    H = nx.DiGraph()
    for n, d in G.nodes(data=True):
        H.add_node(n, **_graphml_attrs(d, node=True))
    for i, (u, v, d) in enumerate(G.edges(data=True)):
        attrs = _graphml_attrs(d, node=False)
        attrs["eid"] = f"e{i}"  # unique edge ids: Gephi keeps only the first edge of a repeated id
        H.add_edge(u, v, **attrs)
    return H


def write_graphml(G: nx.DiGraph, path: str | Path | IO[bytes]) -> None:
    """Write ``G`` as GraphML that Gephi reads (label, type, r/g/b, size, weight)."""
    H = _for_export(G)
    try:
        nx.write_graphml(H, path, edge_id_from_attribute="eid")
    except OSError as exc:
        raise OutputError(f"{path}: cannot write the graph ({exc.strerror})") from exc


def write_gexf(G: nx.DiGraph, path: str | Path | IO[bytes]) -> None:
    """Write ``G`` as GEXF 1.2 (Gephi's own format)."""
    H = _for_export(G)
    for _, d in H.nodes(data=True):
        d["viz"] = {"color": {"r": d["r"], "g": d["g"], "b": d["b"], "a": 1.0}, "size": d["size"]}
    try:
        nx.write_gexf(H, path)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write the graph ({exc.strerror})") from exc


def read_graphml(path: str | Path | IO[bytes]) -> nx.DiGraph:
    """Read a graph written by :func:`write_graphml`."""
    return nx.read_graphml(path)


SOURCE_TYPES = frozenset({"person", "organization", "group", "anonymous", "document"})


def top_sources(G: nx.DiGraph, n: int = 20) -> list[dict[str, Any]]:
    """The ``n`` sources with most quotations: kind, affiliation, aliases, outlets that carried them."""
    rows = []
    for node, d in G.nodes(data=True):
        if d.get("type") not in SOURCE_TYPES:
            continue
        said = [(v, e) for _, v, e in G.out_edges(node, data=True) if e.get("type") == "said"]
        if not said:
            continue
        outlets: dict[str, float] = {}
        articles: set[str] = set()
        for claim, e in said:
            articles.add(str(e.get("article")))
            for _, o, oe in G.out_edges(claim, data=True):
                if oe.get("type") == "via":
                    outlets[G.nodes[o]["label"]] = outlets.get(G.nodes[o]["label"], 0) + 1
        orgs = [G.nodes[v]["label"] for _, v, e in G.out_edges(node, data=True) if e.get("type") == "affiliated_with"]
        rows.append(
            {
                "id": node,
                "name": d.get("label"),
                "kind": d.get("type"),
                "quotes": int(sum(e.get("weight", 1) for _, e in said)),
                "articles": len(articles),
                "role": d.get("role"),
                "affiliation": "; ".join(orgs) or d.get("affiliation"),
                "aliases": sorted(set(d.get("aliases", [])) - {d.get("label")}),
                "outlets": sorted(outlets, key=lambda k: -outlets[k]),
            }
        )
    rows.sort(key=lambda r: (-r["quotes"], r["name"] or ""))
    return rows[:n]
