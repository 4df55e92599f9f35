"""Session fixtures: the stanza pipeline loads ONCE per test session, from local models only."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from attribution import Analyzer, Article, Settings
from attribution.model import ArticleResult

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/*.json from the current output")


def models_dir() -> Path:
    """The test models: $STANZA_RESOURCES_DIR, else ../shared/stanza_resources.  Never downloaded."""
    env = os.environ.get("STANZA_RESOURCES_DIR")
    return Path(env) if env else SHARED / "stanza_resources"


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings(models_dir=models_dir(), offline=True)


@pytest.fixture(scope="session")
def analyzer(settings: Settings) -> Analyzer:
    # a missing model folder fails here with ModelsNotFoundError's message: never a silent skip
    return Analyzer(settings)


@pytest.fixture(scope="session")
def analyze(analyzer: Analyzer):
    cache: dict[str, ArticleResult] = {}

    def run(text: str) -> ArticleResult:
        if text not in cache:
            cache[text] = analyzer.analyze(Article(id="test", text=text))
        return cache[text]

    return run


@pytest.fixture(scope="session")
def analyze_wider(settings: Settings):
    """One analyzer with the wider tier on: beliefs and stances (*shows*), and reports of what was
    not said or only imagined, which the default speech view leaves out."""
    from dataclasses import replace

    analyzer = Analyzer(replace(settings, wider_cues=True))
    return lambda text: analyzer.analyze(Article(id="t", text=text))


MODEL_FIXTURES = {"analyzer", "analyze", "analyze_wider"}


@pytest.fixture(autouse=True)
def _models_only_in_stanza_tests(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """``pytest -m "not stanza"`` is the model-free run: a test that builds a stanza pipeline must say so."""
    if request.node.get_closest_marker("stanza") is not None:
        return
    name = request.node.nodeid
    assert not MODEL_FIXTURES & set(request.fixturenames), f"{name} uses the loaded models: mark it stanza"
    from attribution import nlp

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"{name} builds a stanza pipeline: mark it @pytest.mark.stanza")

    monkeypatch.setattr(nlp, "_pipeline", refuse)


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))
