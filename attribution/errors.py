"""Errors raised on purpose: one hierarchy, one-line messages a user can act on."""

from __future__ import annotations

__all__ = [
    "AttributionError",
    "EngineError",
    "InputError",
    "ModelsNotFoundError",
    "OutputError",
    "PipelineError",
]


class AttributionError(Exception):
    """Base of every error the library raises on purpose."""

    exit_code = 1


class InputError(AttributionError):
    """An input cannot be read: missing, empty, binary, undecodable, malformed."""


class ModelsNotFoundError(AttributionError):
    """The stanza models are not where we looked, and we may not download them."""


class OutputError(AttributionError):
    """An output (``--out``, a graph file) cannot be written."""


class EngineError(AttributionError):
    """A worker process died (killed, out of memory): finished articles are saved, the rest can resume."""


class PipelineError(AttributionError):
    """The stanza pipeline cannot be built for a reason other than its model files (another stanza, a bug)."""
