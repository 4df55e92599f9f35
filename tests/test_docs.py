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


def _readme_test_command() -> list[str]:
    """The README's install-and-test command, split at ``&&``: [install, test]."""
    found = re.findall(r"^(pip install .*'\.\[test\]'.*)$", README, flags=re.M)
    assert len(found) == 1, f"one install-and-test command expected in the README, found {found}"
    return [part.strip() for part in found[0].split("&&")]


def _ci_commands() -> list[str]:
    """The commands of .ci/run, one a line, pip as ``pip`` and without ``--quiet`` (what CI adds for its log)."""
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    commands = [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    return [re.sub(r"^python -m pip ", "pip ", c).replace(" --quiet", "") for c in commands]


def test_ci_runs_the_readme_test_command():
    install, test = _readme_test_command()
    ci = _ci_commands()
    assert install in ci, f"CI does not install as the README says: {install!r} not in {ci}"
    pytest_runs = [c for c in ci if "pytest" in c]
    assert pytest_runs == [test], f"CI must run exactly the README's {test!r}, runs {pytest_runs}"
    assert ci.index(install) < ci.index(test)


def test_root_shim_behaves_like_the_script():
    r = subprocess.run([sys.executable, str(ROOT / "cli.py"), "--help"], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0 and "analyze" in r.stdout
