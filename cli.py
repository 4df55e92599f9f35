"""Run the attribution command line: ``python cli.py …`` is ``attribution …``."""

from attribution.cli import app

if __name__ == "__main__":
    app(prog_name="attribution")
