"""`python -m lokalutveckling <group> <command>`."""

from lokalutveckling.cli import main

raise SystemExit(main())
