"""`xlmaudit data fetch`: download from a (loopback) source, verify checksums, refuse a bad file."""

import functools
import hashlib
import http.server
import threading
from pathlib import Path

import pytest

from xlmaudit.cli import main
from xlmaudit.datasets import fetch, file_digests
from xlmaudit.datasets.sources import SOURCES
from xlmaudit.errors import InputError

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@pytest.fixture
def server(tmp_path):
    """Serve tmp_path/www on 127.0.0.1 (a free port); yields the base URL."""
    root = tmp_path / "www"
    root.mkdir()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *a, **k: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield root, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_recorded_checksums_match_the_shared_copies():
    for name in ("crows-pairs", "stereoset-flat"):
        src = SOURCES[name]
        got = file_digests(DATA / src.relpath)
        assert got == {"sha256": src.sha256, "git_blob": src.git_blob}
        assert (DATA / src.relpath).stat().st_size == src.n_bytes
    # the git blob id of SOURCE.md for crows-pairs, computed independently of file_digests
    data = (DATA / SOURCES["crows-pairs"].relpath).read_bytes()
    blob = hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()
    assert blob == SOURCES["crows-pairs"].git_blob


def test_fetch_downloads_and_verifies(server, tmp_path):
    root, base = server
    (root / "crows.csv").write_bytes((DATA / SOURCES["crows-pairs"].relpath).read_bytes())
    cache = tmp_path / "cache"
    path = fetch("crows-pairs", cache_dir=cache, url=f"{base}/crows.csv")
    assert path == cache / "crows_pairs" / "crows_pairs_anonymized.csv"
    assert file_digests(path)["sha256"] == SOURCES["crows-pairs"].sha256
    (root / "crows.csv").unlink()  # cached and verified: no second download
    assert fetch("crows-pairs", cache_dir=cache, url=f"{base}/crows.csv") == path


def test_fetch_refuses_a_file_whose_checksum_differs(server, tmp_path):
    root, base = server
    good = (DATA / SOURCES["crows-pairs"].relpath).read_bytes()
    (root / "crows.csv").write_bytes(good.replace(b"black kids", b"white kids", 1))
    cache = tmp_path / "cache"
    with pytest.raises(InputError, match="sha256 .* does not match the recorded .*refusing"):
        fetch("crows-pairs", cache_dir=cache, url=f"{base}/crows.csv")
    assert not any(p.is_file() for p in cache.rglob("*"))  # nothing unverified left behind


def test_fetch_command_line(server, tmp_path, capsys):
    root, base = server
    (root / "flat.jsonl").write_bytes((DATA / SOURCES["stereoset-flat"].relpath).read_bytes())
    cache = tmp_path / "c"
    argv = ["data", "fetch", "stereoset-flat", "--cache-dir", str(cache), "--url"]
    assert main([*argv, f"{base}/flat.jsonl"]) == 0
    assert "checksum verified" in capsys.readouterr().out
    assert main([*argv, f"{base}/missing.jsonl", "--force"]) == 2
    assert "could not download" in capsys.readouterr().err
    assert main(["data", "fetch", "no-such-set"]) == 2
    assert "unknown data set 'no-such-set'" in capsys.readouterr().err


def test_official_dev_json_is_checked_by_git_blob_id(server, tmp_path):
    root, base = server
    (root / "dev.json").write_text('{"version": "1.0-dev", "data": {}}')
    with pytest.raises(InputError, match="git_blob .* does not match the recorded 637b1e3d"):
        fetch("stereoset", cache_dir=tmp_path, url=f"{base}/dev.json")


def test_data_list_shows_sources_and_checksums(capsys):
    assert main(["data", "list"]) == 0
    out = capsys.readouterr().out
    assert SOURCES["crows-pairs"].url in out and SOURCES["crows-pairs"].sha256 in out
    assert "git blob 637b1e3d284a3c629b74a4659c583b8eca9bd13e" in out  # dev.json: blob id only
