"""Which language an article is written in, so that English models never analyse another language.

py3langid (the maintained fork of langid.py) ships its model inside the package: no download, a
4.6 MB wheel, about a second to load once per process and well under a millisecond per article.
"""

from __future__ import annotations

import functools
from typing import Any

__all__ = ["MIN_CONFIDENCE", "MIN_WORDS", "SAMPLE_CHARS", "detect_language", "foreign_language"]

# Below this many words a guess is not enough to skip an article: "fine one" comes out as Catalan
# or English by a hair, and a two-line English text with an Arabic quotation as Moroccan Arabic.
MIN_WORDS = 20
# Normalised probability of the top language; real articles in another language score 0.97-1.0,
# English ones with a foreign quotation are still English.
MIN_CONFIDENCE = 0.9
# The language of an article shows in its first pages; a 5 MB file would take seconds to read whole.
SAMPLE_CHARS = 20_000


@functools.cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """Return the most likely language of ``text`` (ISO 639-1 code) and its probability.

    Examples:
        >>> detect_language("The talks failed on Monday, officials said, and the ceasefire collapsed.")[0]
        'en'
    """
    lang, prob = _identifier().classify(text[:SAMPLE_CHARS])
    return str(lang), float(prob)


def foreign_language(text: str) -> str | None:
    """Return the language code when ``text`` is confidently not English, else ``None``.

    Short texts (under ``MIN_WORDS`` words) are never called foreign.

    Examples:
        >>> foreign_language("fine one") is None
        True
    """
    if len(text[:SAMPLE_CHARS].split()) < MIN_WORDS:
        return None
    lang, prob = detect_language(text)
    return lang if lang != "en" and prob >= MIN_CONFIDENCE else None
