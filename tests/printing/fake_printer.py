"""A network thermal printer for the tests: a TCP server on 127.0.0.1 that records bytes.

It answers DLE EOT 4 (paper status) with the scripted byte, and can misbehave on
purpose: ``refuse`` (nothing listens on the port), ``mute`` (takes every byte, never
answers a status query), ``stall`` (answers the first status query, then no more: it
hung during the job), ``paper_out`` (reports paper end), ``drop`` (closes the
connection after 2,000 bytes of the job).  ``jobs`` holds the bytes of each connection
with the status queries taken out, ready for ``escpos_decoder.decode``; ``queries`` how
many status queries each connection sent.
"""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass, field

STATUS_QUERY = b"\x10\x04\x04"
PAPER_OK, PAPER_END = b"\x12", b"\x72"
DROP_AFTER = 2_000  # bytes of a job before a dropping printer hangs up


@dataclass
class FakePrinter:
    mode: str = "ok"  # ok, refuse, mute, stall, paper_out, drop
    jobs: list[bytes] = field(default_factory=list)
    queries: list[int] = field(default_factory=list)
    port: int = 0

    def __post_init__(self) -> None:
        self._server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._server.bind(("127.0.0.1", 0))
        self.port = self._server.getsockname()[1]
        if self.mode == "refuse":
            self._server.close()  # the port is free again: connecting is refused
            return
        self._server.listen(4)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def target(self) -> str:
        return f"127.0.0.1:{self.port}"

    def job(self, index: int = -1, timeout: float = 5.0) -> bytes:
        """A recorded job, waiting for the connection's end to be seen by the server."""
        deadline = time.monotonic() + timeout
        while len(self.jobs) < (index + 1 if index >= 0 else -index):
            if time.monotonic() > deadline:
                raise AssertionError(f"the printer received {len(self.jobs)} jobs")
            time.sleep(0.01)
        return self.jobs[index]

    def close(self) -> None:
        if self.mode == "refuse":
            return
        self._stop.set()
        self._thread.join(timeout=5)
        self._server.close()

    def _serve(self) -> None:
        self._server.settimeout(0.05)  # so that close() is noticed promptly
        while not self._stop.is_set():
            try:
                connection, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with connection:
                self._talk(connection)

    def _talk(self, connection: socket.socket) -> None:
        connection.settimeout(5)
        received, answered = bytearray(), 0
        while True:
            try:
                chunk = connection.recv(65536)
            except OSError:
                break
            if not chunk:
                break
            received += chunk
            if self.mode == "drop" and answered and len(received) > DROP_AFTER:
                self._record(received)
                return  # hang up in the middle of the job
            while received.count(STATUS_QUERY) > answered:
                answered += 1
                if self.mode == "mute" or (self.mode == "stall" and answered > 1):
                    continue
                connection.sendall(PAPER_END if self.mode == "paper_out" else PAPER_OK)
        self._record(received)

    def _record(self, received: bytearray) -> None:
        self.queries.append(received.count(STATUS_QUERY))
        self.jobs.append(bytes(received).replace(STATUS_QUERY, b""))
