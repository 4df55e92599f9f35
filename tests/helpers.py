"""Test helpers: small parsed documents built by hand (no stanza), offsets checks, corpus runs in a subprocess."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

from attribution.nlp import Entity, ParsedDoc, Sentence, Word


def make_doc(text: str, words: list[tuple[str, str, str, int, str]], ents: list[tuple[str, str]] = ()) -> ParsedDoc:
    """``words`` is ``(form, lemma, upos, head, deprel)`` with 1-based heads (0 = root), one sentence.

    Forms are located in ``text`` left to right, so offsets are real.
    """
    doc = ParsedDoc(text=text)
    pos = 0
    for i, (form, lemma, upos, head, deprel) in enumerate(words):
        start = text.index(form, pos)
        pos = start + len(form)
        doc.words.append(Word(i, 0, form, lemma, upos, head - 1 if head else -1, deprel, start, pos))
    doc.sentences.append(Sentence(0, doc.words[0].start, doc.words[-1].end, 0, len(doc.words)))
    for etext, etype in ents:
        s = text.index(etext)
        doc.entities.append(Entity(etext, etype, s, s + len(etext)))
        for w in doc.words:
            if s <= w.start < s + len(etext):
                w.ner = etype
    return doc


def assert_offsets(text: str, quotes) -> None:
    """Every quote's content, speaker mention and cue slice ``text`` to what the result says.

    ``quotes`` are ``Quote`` objects or dicts of the JSON contract.
    """
    for q in quotes:
        d = q if isinstance(q, dict) else q.to_dict()
        assert text[d["start"] : d["end"]] == d["text"], d
        for part, key in (("speaker", "mention"), ("cue", "text")):
            if d[part]:
                assert text[d[part]["start"] : d[part]["end"]] == d[part][key], d


# A guard against a hung run, not a speed limit: no assertion depends on how fast this machine is.
# Waits end on events (a file saved, a process gone); this bound only stops a run that never gets there.
HANG_GUARD = 600


def start_corpus_run(cmd: list[str], out: Path, saved: int = 1, **popen) -> subprocess.Popen:
    """Start ``cmd`` (an ``analyze --out out`` run) and return once ``saved`` article files are in ``out``.

    Returns early if the run ends first (or after ``HANG_GUARD``); the caller's assertions then say why.
    """
    proc = subprocess.Popen(cmd, **popen)
    deadline = time.monotonic() + HANG_GUARD
    while time.monotonic() < deadline and proc.poll() is None and len(list(out.glob("a*.json"))) < saved:
        time.sleep(0.05)
    return proc


def stderr_at_exit(proc: subprocess.Popen) -> str:
    """The run's stderr once it exits (a run still going after ``HANG_GUARD`` is killed, and this raises)."""
    try:
        return proc.communicate(timeout=HANG_GUARD)[1]
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise
