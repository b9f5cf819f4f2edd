"""End to end in a real headless browser (Debian's chromium driven by Playwright, no browser
download): the app started the way the README's run command starts it, then sign in, open
the overview, open a case, run a draft and download the notice (通知书 DOCX).

Also checks that ``python -m streamlit run dashboard/app.py`` answers on its port.
"""

from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest

from tests.dashboard.app_support import REPO, add_case, seed_users
from tests.dashboard.helpers import PASSWORD

ARTIFACTS = REPO / "test-artifacts"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_healthy(port: int, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"streamlit exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health") as resp:
                if resp.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise AssertionError("streamlit did not answer in time")


@pytest.fixture(scope="module")
def server(tmp_path_factory, lexical_index_dir):
    """The dashboard as `scripts/run` starts it, on a temporary database and the test index."""
    tmp = tmp_path_factory.mktemp("e2e")
    url = f"sqlite:///{tmp / 'e2e.sqlite'}"
    seed_users(url)
    add_case(url, "tianshan", "650102", 5, "端到端测试事项")
    port = _free_port()
    env = {**os.environ, "YTT_DB_URL": url, "YTT_DATA_DIR": str(tmp / "data"),
           "YTT_INDEX_DIR": str(lexical_index_dir), "YTT_IMPORT_DIRS": str(tmp / "import"),
           "YTT_DENSE_IN_BACKGROUND": "0", "HF_HUB_OFFLINE": "1"}  # fmt: skip
    cmd = [sys.executable, "-m", "streamlit", "run", "dashboard/app.py",
           "--server.port", str(port), "--server.headless", "true",
           "--browser.gatherUsageStats", "false"]  # fmt: skip
    log = (tmp / "streamlit.log").open("w", encoding="utf-8")
    proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_healthy(port, proc)
        yield port
    finally:
        proc.terminate()
        proc.wait(10)
        log.close()


def test_run_command_answers_on_its_port(server):
    with urllib.request.urlopen(f"http://127.0.0.1:{server}/") as resp:
        page = resp.read().decode("utf-8")
    assert resp.status == 200
    assert "<noscript>You need to enable JavaScript" in page or "streamlit" in page.lower()
    with urllib.request.urlopen(f"http://127.0.0.1:{server}/_stcore/health") as resp:
        assert resp.read() == b"ok"


@pytest.mark.browser
def test_e2e_browser_sign_in_overview_case_draft_notice(server):
    chromium = os.environ.get("YTT_CHROMIUM", "/usr/bin/chromium")
    if not Path(chromium).exists():
        pytest.fail(f"Debian's chromium is missing at {chromium} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
            page.set_default_timeout(30_000)
            _flow(page, server)
        finally:
            browser.close()


def _flow(page, port: int) -> None:
    # Sign in as the region's leader: the overview is the home page.
    page.goto(f"http://127.0.0.1:{port}/")
    page.get_by_label("用户名").fill("region_leader")
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.get_by_text("新登记约谈").first.wait_for()
    assert page.get_by_text("逾期未报整改报告").first.is_visible()

    # Open the case from the case list.
    page.get_by_role("link", name="案件").click()
    page.get_by_role("button", name="查看").click()
    page.get_by_text("端到端测试事项").first.wait_for()
    page.get_by_text("办理记录").first.wait_for()

    # Draft it and download the notice.
    page.get_by_role("link", name="起草").click()
    page.get_by_role("button", name="运行起草助手").click()
    notice = page.get_by_role("button", name="下载消费维权行政约谈通知书（DOCX）")
    notice.wait_for(timeout=60_000)
    with page.expect_download() as info:
        notice.click()
    data = Path(info.value.path()).read_bytes()
    page.screenshot(path=str(ARTIFACTS / "e2e-drafting.png"), full_page=True)

    with zipfile.ZipFile(io.BytesIO(data)) as docx:
        body = docx.read("word/document.xml").decode("utf-8")
    assert "端到端测试事项美容有限公司" in body
    assert "约谈通知书" in body
