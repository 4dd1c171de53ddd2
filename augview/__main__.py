import sys

from augview.cli import main

sys.exit(main())
