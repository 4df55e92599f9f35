"""attribution: who said what, in which role, through which outlet, in news text."""

from .analyzer import Analyzer, analyze_text
from .config import Settings
from .errors import AttributionError
from .model import Article, ArticleResult, Outlet, Quote, Source

__all__ = [
    "Analyzer",
    "Article",
    "ArticleResult",
    "AttributionError",
    "Outlet",
    "Quote",
    "Settings",
    "Source",
    "analyze_text",
]
__version__ = "0.1.0"
