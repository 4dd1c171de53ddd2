import sys

from augview.launcher import main

sys.exit(main())
