"""The quick-start commands, for a fresh machine with Python 3.11+ (Linux or Windows).

    python3 dev.py app        set up .venv, load the demo data (演示) into .demo/ once,
                              open HallClient
    python3 dev.py test       set up .venv with the test tools, run the whole test suite
    python3 dev.py build      the one-folder PyInstaller build in dist/HallClient
    python3 dev.py installer  the build, then dist/HallClient-<version>-setup.exe with NSIS

Standard library only: this runs before anything is installed.  Extra arguments
after ``test`` go to pytest (``python3 dev.py test -k login``).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
DEMO_ACCOUNTS = "10000"
DEMO_DATABASE = ROOT / ".demo" / "hallclient-demo.sqlite3"
NO_TESTS_COLLECTED = 5


def _run(*command: str | Path, env: dict[str, str] | None = None) -> int:
    print("+", " ".join(str(c) for c in command), flush=True)
    try:
        return subprocess.call([str(c) for c in command], cwd=ROOT, env=env)
    except KeyboardInterrupt:  # Ctrl+C reached the child too; no traceback from here
        return 130


def _setup(extra: str) -> None:
    """Create .venv and install the project, again only when pyproject.toml changed."""
    if sys.version_info < (3, 11):  # noqa: UP036 (dev.py runs on whatever python3 is there)
        sys.exit(f"HallClient needs Python 3.11 or newer, this is {sys.version.split()[0]}")
    if not PYTHON.exists():
        print(f"creating {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    stamp = VENV / f".installed-{extra or 'app'}"
    done = [VENV / ".installed-dev"] + ([] if extra else [stamp])  # dev includes the app
    if any(s.exists() and s.read_text() == digest for s in done):
        return
    target = f".[{extra}]" if extra else "."
    if _run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip") != 0:
        sys.exit("could not upgrade pip")
    if _run(PYTHON, "-m", "pip", "install", "--quiet", "-e", target) != 0:
        sys.exit("could not install HallClient and its dependencies")
    stamp.write_text(digest)


def app() -> int:
    """Open HallClient on its own demo database, never on a configured (real) one."""
    _setup("")
    DEMO_DATABASE.parent.mkdir(exist_ok=True)
    url = ("--database-url", f"sqlite:///{DEMO_DATABASE.as_posix()}")
    if _run(PYTHON, "-m", "ui", *url, "demo", "--accounts", DEMO_ACCOUNTS) != 0:
        return 1
    return _run(PYTHON, "-m", "ui", *url)


def test(pytest_args: list[str]) -> int:
    _setup("dev")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # One worker per core (pytest-xdist), each with its own PostgreSQL cluster and Qt
    # application: about 35% less time on 2 cores.  "-n 0" runs in this one process.  A
    # worker that runs out of tests takes some of the other's ("worksteal"), so a few
    # long tests at the end do not leave a core idle; the slowest 30 are listed.
    workers = (
        []
        if any(a.startswith(("-n", "--numprocesses")) for a in pytest_args)
        else ["-n", "auto", "--dist", "worksteal"]
    )
    code = _run(PYTHON, "-m", "pytest", *workers, "--durations=30", *pytest_args, env=env)
    if code == NO_TESTS_COLLECTED:
        print("pytest collected no tests: that is a failure here", file=sys.stderr)
        return 1
    return code


def version() -> str:
    """``hallclient.__version__``, read without importing the package (no venv needed)."""
    import ast

    tree = ast.parse((ROOT / "hallclient" / "__init__.py").read_text("utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "__version__":
            return str(ast.literal_eval(node.value))
    raise SystemExit("hallclient/__init__.py has no __version__")


def build() -> int:
    """dist/HallClient: the frozen app (on Windows the real one; on Linux the CI's check)."""
    _setup("dev")
    if _run(PYTHON, "-m", "ui.tools.i18n_build") != 0:  # the .qm files the build bundles
        return 1
    spec = ROOT / "packaging" / "hallclient.spec"
    return _run(PYTHON, "-m", "PyInstaller", "--noconfirm", "--clean", spec)


def _makensis() -> str | None:
    import shutil

    programs = Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)"))
    installed = programs / "NSIS" / "makensis.exe"  # where the NSIS installer puts it
    return shutil.which("makensis") or (str(installed) if installed.is_file() else None)


def installer() -> int:
    """The build, then the installer beside it in dist/."""
    makensis = _makensis()
    if makensis is None:
        sys.exit("makensis was not found: install NSIS 3 (https://nsis.sourceforge.io)")
    if build() != 0:
        return 1
    # "-" options: makensis takes them on Windows and Linux alike ("/" is a path on Linux)
    defines = (f"-DVERSION={version()}", f"-DDIST_DIR={ROOT / 'dist' / 'HallClient'}")
    return _run(makensis, "-WX", *defines, ROOT / "installer.nsi")


def main() -> int:
    command, *rest = sys.argv[1:] or ["help"]
    if command == "app":
        return app()
    if command == "test":
        return test(rest)
    if command == "build":
        return build()
    if command == "installer":
        return installer()
    print(__doc__)
    return 0 if command == "help" else 2


if __name__ == "__main__":
    sys.exit(main())
