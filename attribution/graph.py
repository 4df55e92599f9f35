"""The source graph: networkx build, GraphML (Gephi) and dynamic GEXF export.

Nodes: ``person``, ``organization``, ``group``, ``anonymous``, ``document``, ``outlet``, ``claim``, ``article``.
Edges: ``said`` (source -> claim; ``articles``, ``outlets``, ``weight`` = times reported), ``via``
(claim -> outlet; ``speakers``, ``articles``), ``affiliated_with`` (person -> organization),
``reported_in`` (claim -> article), ``published_by`` (article -> outlet), ``paraphrase_of``
(reported claim -> direct claim; ``weight`` = similarity).  A graph is built from a whole corpus
at once, since claims are clustered across all its articles (there is no merging of built graphs).
Only this module imports networkx.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

import networkx as nx

from .chains import Chain, article_day, canonical_names, claim_items, claimed, corpus_chains, node_id
from .claims import Claim, build_claims, link_paraphrases
from .coref import corpus_aliases, slug, source_id
from .errors import OutputError
from .model import ArticleResult, SourceKind

__all__ = ["build_graph", "read_graphml", "top_sources", "write_gexf", "write_graphml"]

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
    "paraphrase_of": (188, 189, 34),
}
LABEL_CHARS = 80
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _clean(s: str) -> str:
    return _XML_ILLEGAL.sub("", s)


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


def _add_claim_node(G: nx.DiGraph, c: Claim) -> None:
    label = c.label if len(c.label) <= LABEL_CHARS else c.label[: LABEL_CHARS - 1] + "…"
    G.add_node(
        c.id,
        type="claim",
        label=label,
        text=c.label,
        kind=c.kind,
        variants=[t for t, _ in c.variants],
        n_variants=len(c.variants),
        n_articles=len(c.articles),
        n_outlets=len(c.outlets),
        n_speakers=len(c.speakers),
        articles=c.articles,
        outlets=c.outlets,
        first_seen=c.first_seen,
        last_seen=c.last_seen,
        weight=len(c.items),
    )


def _add_article(G: nx.DiGraph, a: Any) -> str:
    art = f"article:{slug(a.id)}"
    date = article_day(a.date) or a.date
    _add_node(G, art, "article", a.title or a.id, article_id=a.id, path=a.path, date=date, weight=1)
    if a.outlet:
        out = f"outlet:{slug(a.outlet)}"
        _add_node(G, out, "outlet", a.outlet, weight=0)
        _add_edge(G, art, out, "published_by")
    return art


def _add_affiliations(G: nx.DiGraph, r: ArticleResult, alias_map: dict[str, str], canon: dict[str, str]) -> None:
    names = {s.id: s for s in r.sources}
    for s in r.sources:
        if s.kind is not SourceKind.PERSON or not s.affiliation:
            continue
        org_raw = source_id(SourceKind.ORGANIZATION, s.affiliation)
        org = node_id(alias_map.get(org_raw, org_raw))
        aff = names.get(org_raw)
        _add_node(
            G,
            org,
            "organization",
            s.affiliation,
            short=aff.short if aff else None,
            aliases=list(aff.aliases) if aff else [s.affiliation],
            weight=0,
        )
        cid = alias_map.get(s.id, s.id)
        pid = node_id(cid)
        name = canon.get(cid, s.name)
        _add_node(G, pid, str(s.kind), name, aliases=list(s.aliases), short=s.short, role=s.role, weight=0)
        _add_edge(G, pid, org, "affiliated_with", role=s.role)


def _add_speaker(G: nx.DiGraph, c: Chain) -> None:
    sp, src = c.speaker, c.source
    if sp is None or c.speaker_id is None:
        return
    _add_node(
        G,
        c.speaker_id,
        str(sp.kind),
        c.speaker_name or sp.name,
        aliases=list(src.aliases) if src else [sp.mention],
        short=src.short if src else None,
        role=sp.role or (src.role if src else None),
        affiliation=sp.affiliation or (src.affiliation if src else None),
        gender=c.gender,
        anonymity_reason=src.anonymity_reason if src else None,
        weight=1,
    )


def _grow_edge(G: nx.DiGraph, u: str, v: str, etype: str, sets: dict[str, Any], **attrs: Any) -> None:
    """Add one occurrence to edge ``u -> v``: ``weight`` + 1, and each value in ``sets`` to its list."""
    if not G.has_edge(u, v):
        G.add_edge(u, v, type=etype, label=etype, weight=0.0, **attrs)
    e = G.edges[u, v]
    e["weight"] += 1.0
    for k, val in sets.items():
        if val not in (None, ""):
            e[k] = sorted(set(e.get(k, [])) | {val})


def build_graph(results: Iterable[ArticleResult]) -> nx.DiGraph:
    """Build one graph from article results: sources merged by alias, claims clustered corpus-wide.

    Near-identical quotations are one claim node (:mod:`attribution.claims`); every ``said``
    edge lists all its articles (``articles``, ``weight`` = times reported) and the outlets
    the speaker used; every ``via`` edge lists the speakers and articles that went through it.
    """
    # earliest first: a claim cluster's founder (its reference wording) is its first-seen form
    results = sorted(results, key=lambda r: (article_day(r.article.date) or "9999-99-99", r.article.id))
    alias_map = corpus_aliases([s for r in results for s in r.sources])
    G = nx.DiGraph()
    arts = {r.article.id: _add_article(G, r.article) for r in results}
    canon = canonical_names(results, alias_map)
    for r in results:
        _add_affiliations(G, r, alias_map, canon)
    chains = claimed(corpus_chains(results))
    items = claim_items(chains)
    claims, claim_of = build_claims(items)
    for c in claims:
        _add_claim_node(G, c)
    for item, chain, ci in zip(items, chains, claim_of, strict=True):
        cid, aid = claims[ci].id, item.article
        _grow_edge(G, cid, arts[aid], "reported_in", {})
        outlet = chain.outlet
        if chain.speaker_id is not None:
            _add_speaker(G, chain)
            sets = {"articles": aid, "kind": item.kind, "cue": chain.cue, "dates": item.date}
            _grow_edge(G, chain.speaker_id, cid, "said", {**sets, "outlets": outlet.name if outlet else None})
        if outlet is not None:
            oid = f"outlet:{slug(outlet.name)}"
            _add_node(G, oid, "outlet", outlet.name, outlet_kind=str(outlet.kind), aliases=[outlet.mention], weight=1)
            _grow_edge(G, cid, oid, "via", {"articles": aid, "speakers": chain.speaker_id})
    for src, dst, weight in link_paraphrases(claims):
        G.add_edge(claims[src].id, claims[dst].id, type="paraphrase_of", label="paraphrase_of", weight=weight)
    _finish_said(G)
    return G


def _finish_said(G: nx.DiGraph) -> None:
    """Give each ``said`` edge its article count and first/last day (for GEXF spells)."""
    for _, _, e in G.edges(data=True):
        if e.get("type") != "said":
            continue
        dates = e.pop("dates", [])
        e["n_articles"] = len(e.get("articles", []))
        e["first_seen"] = min(dates, default=None)
        e["last_seen"] = max(dates, default=None)


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


def _spell(d: dict[str, Any]) -> tuple[str, str] | None:
    start = d.get("first_seen") or d.get("date")
    end = d.get("last_seen") or d.get("date")
    if not (isinstance(start, str) and _DAY.fullmatch(start) and isinstance(end, str) and _DAY.fullmatch(end)):
        return None
    return (start, end)


def write_gexf(G: nx.DiGraph, path: str | Path | IO[bytes]) -> None:
    """Write ``G`` as GEXF 1.2 (Gephi's own format), dynamic when articles have dates.

    Articles, claims and ``said`` edges get a spell from their first to their last day, so that
    Gephi's timeline plays the corpus over time (``timeformat="date"``); sources and outlets,
    which have no spell, are always shown.  An edge's kind is the column ``edge_type``, since
    GEXF's own edge ``type`` only says directed or undirected.
    """
    H = _for_export(G)
    for n, d in H.nodes(data=True):
        d["viz"] = {"color": {"r": d["r"], "g": d["g"], "b": d["b"], "a": 1.0}, "size": d["size"]}
        spell = _spell(G.nodes[n])
        if spell is not None:
            d["spells"] = [spell]
    for u, v, d in H.edges(data=True):
        d["id"] = d.pop("eid")
        d["edge_type"] = d.pop("type")  # GEXF's own edge "type" means directed | undirected | mutual
        spell = _spell(G.edges[u, v]) if G.edges[u, v].get("type") == "said" else None
        if spell is not None:
            d["spells"] = [spell]
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
        said = [e for _, _, e in G.out_edges(node, data=True) if e.get("type") == "said"]
        if not said:
            continue
        outlets: dict[str, int] = {}
        articles: set[str] = set()
        for e in said:
            articles.update(e.get("articles", []))
            for name in e.get("outlets", []):
                outlets[name] = outlets.get(name, 0) + 1
        orgs = [G.nodes[v]["label"] for _, v, e in G.out_edges(node, data=True) if e.get("type") == "affiliated_with"]
        rows.append(
            {
                "id": node,
                "name": d.get("label"),
                "kind": d.get("type"),
                "gender": d.get("gender"),
                "quotes": int(sum(e.get("weight", 1) for e in said)),
                "articles": len(articles),
                "role": d.get("role"),
                "affiliation": "; ".join(orgs) or d.get("affiliation"),
                "aliases": sorted(set(d.get("aliases", [])) - {d.get("label")}),
                "outlets": sorted(outlets, key=lambda k: -outlets[k]),
            }
        )
    rows.sort(key=lambda r: (-r["quotes"], r["name"] or ""))
    return rows[:n]
