"""HTML reports: one self-contained page per article, and a corpus site (index, pages, source graph)."""

from .render import render_article

__all__ = ["render_article"]
