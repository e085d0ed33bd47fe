"""``python -m xlmaudit`` (also ``torchrun -m xlmaudit``): the command-line entry point."""

import sys

from xlmaudit.cli import main

if __name__ == "__main__":
    sys.exit(main())
