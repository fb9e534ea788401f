"""The frozen app's entry point: the same as ``python -m ui`` and the ``hallclient`` command."""

import sys

from ui.main import main

sys.exit(main())
