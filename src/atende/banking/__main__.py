import sys

from atende.banking.cli import main

sys.exit(main())
