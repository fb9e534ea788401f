"""The frozen app's entry point: the same as ``python -m ui`` and the ``hallclient`` command.

With ``--board-speaker`` first it is the call board's voice process instead (a frozen
program has no ``python -m``; see ``ui.board.voice``)."""

import sys

from ui.board.speaker_process import SPEAKER_FLAG

if len(sys.argv) > 1 and sys.argv[1] == SPEAKER_FLAG:
    from ui.board.speaker_process import main as speak

    sys.exit(speak(sys.argv[1:]))

from ui.main import main  # not imported by the voice's process

sys.exit(main())
