"""``python -m bilateral`` runs the command line."""

from bilateral.output.cli import main

raise SystemExit(main())
