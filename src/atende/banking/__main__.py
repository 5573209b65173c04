"""`python -m atende.banking`: see cli.py."""

import os
import sys

from atende.banking.cli import main

try:
    status = main()
    sys.stdout.flush()
except BrokenPipeError:  # `… | head`: the reader left; not an error of ours
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    status = 1
sys.exit(status)
