"""``python -m cityprofile`` runs the command line."""

from .cli import run

run()
