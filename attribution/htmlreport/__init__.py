"""HTML reports: one self-contained page per article, and a corpus site (index, pages, source graph)."""

from .render import render_article
from .site import SiteSummary, write_pages, write_site

__all__ = ["SiteSummary", "render_article", "write_pages", "write_site"]
