"""The README documents every command, and every command has help."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from attribution.cli import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_documented_with_help():
    runner = CliRunner()
    for cmd in ("analyze", "graph", "models", "models download", "eval", "export", "errors", "sources", "claims"):
        assert f"attribution {cmd}" in README, cmd
        r = runner.invoke(app, [*cmd.split(), "--help"])
        assert r.exit_code == 0 and "Usage" in r.stdout, cmd


def test_ci_runs_the_readme_test_command():
    test_cmd = re.search(r"&& (python -m pytest)", README).group(1)
    assert test_cmd in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_root_shim_behaves_like_the_script():
    r = subprocess.run([sys.executable, str(ROOT / "cli.py"), "--help"], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0 and "analyze" in r.stdout
