"""``python -m derivations`` runs the ``infoderive`` command line."""
import sys

from derivations.cli import main

sys.exit(main())
