"""Render pages with Jinja2 templates shipped in ``templates/`` (autoescaped: article text is never markup)."""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from .. import __version__
from ..model import ArticleResult
from .views import article_view

__all__ = ["render_article", "render_template"]


@cache
def _env() -> Environment:
    return Environment(
        loader=PackageLoader("attribution.htmlreport", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )


def render_template(name: str, **context: Any) -> str:
    """Render one template of this package with ``context`` (plus ``version``)."""
    return _env().get_template(name).render(version=__version__, **context)


def render_article(result: ArticleResult, text: str | None = None, *, index_href: str | None = None) -> str:
    """Render one article as a self-contained HTML page: its text with every quotation highlighted.

    Args:
        result: the analysis of the article.
        text: the article text the offsets point into (default: ``result.article.text``).
        index_href: link back to a corpus index page, if the page is part of one.

    Returns:
        The page, a complete HTML document with its CSS and script inline.
    """
    view = article_view(result, text)
    return render_template("article.html.j2", view=view, article=result.article, index_href=index_href)
