"""The wheel installs one import package, `peacegraph`, with the page and every Cypher file inside it, and the
installed command runs from a fresh environment with no source tree beside it."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.paths import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(out), str(ROOT)],
                   check=True, capture_output=True, text=True)
    (built,) = out.glob("peacegraph-*.whl")
    return built


def test_the_wheel_holds_one_import_package_with_the_page_and_the_cypher(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/")[0] for n in names if not n.split("/")[0].endswith((".dist-info", ".data"))}
    assert tops == {"peacegraph"}
    for folder in ("graph", "api", "seed", "cypher", "cli", "devserver"):
        assert f"peacegraph/{folder}/__init__.py" in names
    cypher = {Path(n).name for n in names if n.startswith("peacegraph/cypher/") and n.endswith(".cypher")}
    written = {p.name for p in (ROOT / "cypher").rglob("*.cypher")}
    assert written <= cypher and "upsert_missions.cypher" in cypher
    page = {n.removeprefix("peacegraph/api/web/dist/") for n in names if n.startswith("peacegraph/api/web/dist/")}
    assert {"index.html", "graphiql.html", "vendor/graphiql.min.js", "vendor/echarts.esm.min.js"} <= page
    assert not [n for n in names if "node_modules" in n or n.endswith((".pyc", ".state"))]


def test_the_installed_command_runs_from_a_fresh_environment(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env_dir)], check=True)
    python = env_dir / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps",
                    str(wheel)], check=True, capture_output=True, text=True)
    # the dependencies come from the test environment (a path entry only: its editable install is not loaded)
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          check=True, capture_output=True, text=True).stdout.strip()
    Path(site, "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    away = tmp_path / "elsewhere"
    away.mkdir()
    for cmd in ([str(env_dir / "bin" / "peacegraph"), "--help"], [str(python), "-m", "peacegraph", "--help"]):
        done = subprocess.run(cmd, cwd=away, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        assert "peacegraph" in done.stdout and "seed" in done.stdout
    where = subprocess.run([str(python), "-c", "import peacegraph, importlib.util as u; print(peacegraph.__file__);"
                            "print(u.find_spec('graph'), u.find_spec('seed'), u.find_spec('api'))"],
                           cwd=away, capture_output=True, text=True, check=True).stdout.split("\n")
    assert where[0].startswith(site)
    assert where[1] == "None None None"
