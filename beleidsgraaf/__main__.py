"""``python -m beleidsgraaf`` runs the CLI."""

from beleidsgraaf.cli import main

main()
