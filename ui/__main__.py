"""``python -m ui`` is the same as the ``hallclient`` command."""

import sys

from ui.main import main

sys.exit(main())
