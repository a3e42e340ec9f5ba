"""`python -m cli`: the same as the `evidence-vault` command."""
import sys

from cli.main import main

sys.exit(main())
