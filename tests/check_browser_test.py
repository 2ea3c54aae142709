#!/usr/bin/env python3
"""The HTML report of `anchoralign check` in a real browser (headless Chromium).

  check_browser_test.py screenshot CLI SAMPLES_DIR   renders the page to a PNG and checks it
  check_browser_test.py dom CLI SAMPLES_DIR          checks the DOM Chromium built from the page

The pair is the harbour sample with a number changed (3.5亿 -> 35亿): the credit line is the
omission, 35亿 the mismatched number. Exits 77 (ctest: skipped) when no Chromium is installed.
"""
import html.parser
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

SKIP = 77
WIDTH, HEIGHT = 1280, 1800


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


def make_report(cli, samples, work):
    with open(os.path.join(samples, "harbour.zh.txt"), encoding="utf-8") as f:
        chinese = f.read()
    assert "3.5亿" in chinese
    zh = os.path.join(work, "harbour.zh.txt")
    with open(zh, "w", encoding="utf-8") as f:
        f.write(chinese.replace("3.5亿", "35亿"))
    page = os.path.join(work, "report.html")
    subprocess.run([cli, "check", os.path.join(samples, "harbour.en.txt"), zh, "--html", page, "-q"],
                   check=True, timeout=120)
    return page


def chromium(browser, work, *arguments):
    profile = tempfile.mkdtemp(prefix="profile-", dir=work)
    command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + profile,
               "--disable-background-networking", "--no-first-run", "--hide-scrollbars",
               "--window-size=%d,%d" % (WIDTH, HEIGHT), *arguments]
    return subprocess.run(command, capture_output=True, timeout=120)


def png_pixels(path):
    """Width, height and the decompressed scanlines of a PNG."""
    with open(path, "rb") as f:
        data = f.read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, width, height, idat = 8, 0, 0, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    return width, height, zlib.decompress(idat)


def test_screenshot(browser, page, work):
    shot = os.path.join(work, "report.png")
    done = chromium(browser, work, "--screenshot=" + shot, "file://" + page)
    assert os.path.exists(shot), "no screenshot: %s" % done.stderr.decode(errors="replace")[-2000:]
    assert os.path.getsize(shot) > 20000, "screenshot too small: %d bytes" % os.path.getsize(shot)
    width, height, pixels = png_pixels(shot)
    assert (width, height) == (WIDTH, HEIGHT), (width, height)
    # A blank or single-colour page compresses to almost nothing and has few distinct rows.
    row = len(pixels) // height
    rows = {pixels[k * row + 1:(k + 1) * row] for k in range(height)}
    assert len(rows) > height // 4, "only %d distinct rows of %d" % (len(rows), height)
    print("screenshot %s: %dx%d, %d bytes, %d distinct rows" % (shot, width, height,
                                                                 os.path.getsize(shot), len(rows)))


class Dom(html.parser.HTMLParser):
    """Elements with their classes and text, enough to query the report's rows."""

    def __init__(self):
        super().__init__()
        self.stack, self.elements = [], []

    def handle_starttag(self, tag, attrs):
        element = {"tag": tag, "attrs": dict(attrs), "text": "", "parents": list(self.stack)}
        self.elements.append(element)
        if tag not in ("meta", "col", "input", "br", "link", "img"):
            self.stack.append(element)

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()["tag"] == tag:
                break

    def handle_data(self, data):
        for element in self.stack:
            element["text"] += data

    def find(self, tag, cls=None):
        return [e for e in self.elements if e["tag"] == tag and
                (cls is None or cls in e["attrs"].get("class", "").split())]


def test_dom(browser, page, work):
    done = chromium(browser, work, "--dump-dom", "file://" + page)
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    dom = Dom()
    dom.feed(done.stdout.decode("utf-8"))
    omissions = dom.find("tr", "omission")
    assert len(omissions) == 1, [e["text"][:80] for e in omissions]
    row = omissions[0]
    assert "(Reporting by Anna Berg in Riverton; editing by Mark Lee.)" in row["text"], row["text"]
    assert "flagged" in row["attrs"]["class"].split()
    gaps = [e for e in dom.find("span", "gap") if row in e["parents"]]
    assert len(gaps) == 1 and "Reporting by Anna Berg" in gaps[0]["text"]
    assert any("not translated" in e["text"] for e in dom.find("span", "none") if row in e["parents"])
    marks = [e["text"] for e in dom.find("mark", "term")]
    assert "35亿" in marks and "350 million" in marks, marks
    fills = [e for e in dom.find("span", "fill")]
    assert len(fills) == 1 and fills[0]["attrs"]["style"].replace(" ", "").rstrip(";") == "width:93.75%", fills
    assert dom.find("span", "big")[0]["text"] == "93.8%"
    findings = [e["attrs"]["class"] for e in dom.find("li", "finding")]
    assert "kind-number_mismatch" in " ".join(findings) and "kind-omission" in " ".join(findings)
    rows = dom.find("tr", "bead")
    assert len(rows) == 15, len(rows)  # 16 English and 15 Chinese sentences, one 1-2 and one 2-1 bead
    assert not dom.find("script"), "the page must carry no script"
    print("DOM: %d bead rows, omission row and marks as expected" % len(rows))


def main():
    mode, cli, samples = sys.argv[1:4]
    browser = find_chromium()
    if browser is None:
        print("SKIPPED: Chromium is not installed (apt-get install chromium, or scripts/install-deps.sh); "
              "the HTML report was not checked in a browser")
        return SKIP
    with tempfile.TemporaryDirectory(prefix="anchoralign-browser-") as work:
        page = make_report(cli, samples, work)
        {"screenshot": test_screenshot, "dom": test_dom}[mode](browser, page, work)
        keep = os.environ.get("ANCHORALIGN_KEEP_SCREENSHOT")
        if keep and mode == "screenshot":
            shutil.copy(os.path.join(work, "report.png"), keep)
    return 0


if __name__ == "__main__":
    sys.exit(main())
