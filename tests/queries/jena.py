"""Apache Jena's command-line tools (Debian ``libapache-jena-java``) for the tests.

Debian ships the jars without launcher scripts, and its ``jena-core`` moved the bundled Xerces
classes to ``xerces.*`` while leaving their message files under ``org/apache/jena/ext/xerces``:
every command then dies in ``XSSimpleTypeDecl`` with 'internal error'. :func:`jena` puts copies
of those message files where the moved classes look for them, and runs a Jena command class
(``arq.rsparql``, ``arq.rset``, ``riotcmd.riot``) with the jars on the class path.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

import pytest

JARS = Path("/usr/share/java")
_NEEDED = (
    "jena-arq",
    "jena-base",
    "jena-cmds",
    "jena-core",
    "jena-dboe-base",
    "jena-dboe-index",
    "jena-dboe-storage",
    "jena-dboe-trans-data",
    "jena-dboe-transaction",
    "jena-iri",
    "jena-rdfconnection",
    "jena-shacl",
    "jena-shex",
    "jena-tdb",
    "jena-tdb2",
    "commons-cli",
    "commons-codec",
    "commons-compress",
    "commons-csv",
    "commons-io",
    "commons-lang3",
    "dexx.collection",
    "gson",
    "guava",
    "httpclient",
    "httpclient-cache",
    "httpcore",
    "jackson-core",
    "jackson-databind",
    "jackson-annotations",
    "jsonld-java",
    "jakarta.json-api",
    "protobuf",
    "thrift",
    "titanium-json-ld",
    "slf4j-api",
    "slf4j-nop",
)
_MOVED = "org/apache/jena/ext/xerces/"


def _available() -> bool:
    return shutil.which("java") is not None and (JARS / "jena-arq.jar").is_file()


@functools.cache
def _class_path() -> str:
    fixes = Path(tempfile.mkdtemp(prefix="jena-xerces-"))
    with zipfile.ZipFile(JARS / "jena-core.jar") as jar:
        for name in jar.namelist():
            if name.startswith(_MOVED) and name.endswith(".properties"):
                target = fixes / "xerces" / name[len(_MOVED) :]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(jar.read(name))
    jars = [str(JARS / f"{name}.jar") for name in _NEEDED if (JARS / f"{name}.jar").is_file()]
    return os.pathsep.join([str(fixes), *jars])


def need_jena() -> None:
    """Skip (fail in CI, where ``.ci/run`` installs it) when Jena is not installed."""
    if not _available():
        if os.environ.get("CI"):
            pytest.fail("Debian's libapache-jena-java is missing in CI")
        pytest.skip("Apache Jena is not installed (Debian: apt-get install libapache-jena-java)")


def jena(command: str, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run one Jena command class, e.g. ``jena("arq.rsparql", "--service", url, query)``."""
    need_jena()
    return subprocess.run(
        ["java", "-Xshare:auto", "-cp", _class_path(), command, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
