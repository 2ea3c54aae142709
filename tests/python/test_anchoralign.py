"""Tests of the Python package anchoralign (python/): run with Debian's /usr/bin/python3 and
PYTHONPATH=<build>/python; ctest does both (tests/CMakeLists.txt). ANCHORALIGN_CLI, when set,
is the anchoralign command, whose output the package must reproduce byte for byte.

The expected beads of the sample were read off the two texts by hand: English sentence 5
(Nordbau's steel arches) is two Chinese sentences, English 6-7 (Chen's two-sentence quote) is
one, and the closing credit line (16th sentence) has no translation.
"""

import concurrent.futures
import json
import os
import pathlib
import subprocess
import sys
import threading
import time
import unittest
import xml.etree.ElementTree as ET

import anchoralign

SAMPLES = pathlib.Path(__file__).resolve().parents[2] / "samples"
EN = (SAMPLES / "harbour.en.txt").read_text(encoding="utf-8")
ZH = (SAMPLES / "harbour.zh.txt").read_text(encoding="utf-8")
CREDIT = "(Reporting by Anna Berg in Riverton; editing by Mark Lee.)"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def ladder(alignment):
    return [(list(b.source), list(b.target)) for b in alignment]


def assert_every_sentence_once(test, alignment):
    """Both sides' indices, read bead by bead, are 0, 1, 2, ... each once."""
    sources = [i for bead in alignment for i in bead.source]
    targets = [i for bead in alignment for i in bead.target]
    test.assertEqual(sources, list(range(len(alignment.source))))
    test.assertEqual(targets, list(range(len(alignment.target))))


class Ticker:
    """Counts in a Python thread while the body runs. The thread can only count while no
    other thread holds the GIL, so a C++ call that keeps the GIL yields a handful of ticks (at
    the calls' edges), one that releases it a tick every ~0.5 ms it runs."""

    def __enter__(self):
        self.ticks = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run)
        self._thread.start()
        time.sleep(0.01)
        self._start = self.ticks
        return self

    def _run(self):
        while not self._stop.is_set():
            self.ticks += 1
            time.sleep(0.0005)

    def __exit__(self, *exc):
        self.during = self.ticks - self._start
        self._stop.set()
        self._thread.join()


class AlignTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.lexicon = anchoralign.default_lexicon()
        cls.alignment = anchoralign.align(EN, ZH, lexicon=cls.lexicon)

    def test_sample_beads(self):
        a = self.alignment
        self.assertEqual((len(a.source), len(a.target)), (16, 15))
        self.assertEqual(a.source.lang, "en")
        self.assertEqual(a.target.lang, "zh")
        shapes = ladder(a)
        self.assertIn(([5], [5, 6]), shapes)
        self.assertIn(([6, 7], [7]), shapes)
        self.assertEqual(shapes[-1], ([15], []))
        self.assertEqual(sum(1 for s, t in shapes if len(s) == len(t) == 1), 12)
        merged = a[shapes.index(([6, 7], [7]))]
        self.assertTrue(merged.source_text.startswith('"This bridge connects'))
        self.assertIn('Chen said. "It will cut', merged.source_text)  # joined with a space
        self.assertTrue(merged.target_text.startswith("陈市长说："))
        split_bead = a[shapes.index(([5], [5, 6]))]
        self.assertEqual(split_bead.target_text,
                         "钢拱由Nordbau GmbH的工程师设计。它们可以抵御最高每小时180公里的大风。")
        credit = a[-1]
        self.assertEqual((credit.source_text, credit.target_text), (CREDIT, ""))
        self.assertEqual(credit.target, range(15, 15))  # the position, though empty
        for bead in a:
            self.assertGreaterEqual(bead.score, 0.0)
            self.assertLessEqual(bead.score, 1.0)
        assert_every_sentence_once(self, a)

    def test_sequences(self):
        a = self.alignment
        self.assertEqual(len(a.beads), len(a))
        self.assertEqual(ladder(a.beads), ladder(a))
        self.assertEqual(a[-1].source_text, a[len(a) - 1].source_text)
        with self.assertRaises(IndexError):
            a[len(a)]
        self.assertEqual([s.text for s in a.source], [s.text for s in a.source.sentences])
        self.assertEqual(a.source[-1].text, CREDIT)
        self.assertEqual(a.source[0].text, "Riverton Opens New Harbour Bridge After Three Years of Work")
        paragraphs = [s.paragraph for s in a.source]
        self.assertEqual(paragraphs, sorted(paragraphs))
        self.assertEqual(paragraphs[0], 0)
        # begin/end are byte offsets into the decoded text
        raw = EN.encode("utf-8")
        self.assertEqual(raw[a.source[0].begin:a.source[0].end].decode(), a.source[0].text)

    def test_inputs_of_every_kind_agree(self):
        expected = ladder(self.alignment)
        for source, target in [(EN.encode(), ZH.encode()),
                               (SAMPLES / "harbour.en.txt", SAMPLES / "harbour.zh.txt"),
                               (anchoralign.split(EN), anchoralign.split(ZH))]:
            self.assertEqual(ladder(anchoralign.align(source, target, lexicon=self.lexicon)),
                             expected)
        gb18030 = anchoralign.align(EN, ZH.encode("gb18030"), lexicon=self.lexicon,
                                    encoding="GB18030")
        self.assertEqual(ladder(gb18030), expected)
        self.assertEqual(gb18030[0].target_text, self.alignment[0].target_text)

    def test_lexicon_arguments(self):
        path = anchoralign.find_default_lexicon()
        if path is None:
            self.skipTest("no default lexicon (scripts/fetch-lexicon.sh)")
        self.assertGreater(self.lexicon.entries, 10000)
        by_object = anchoralign.write_ladder(self.alignment)
        for lexicon in (None, path, [path], pathlib.Path(path)):
            self.assertEqual(anchoralign.write_ladder(anchoralign.align(EN, ZH, lexicon=lexicon)),
                             by_object)
        # Without a lexicon the beads of this sample stay, only their scores move.
        without = anchoralign.align(EN, ZH, lexicon=False)
        self.assertEqual(ladder(without), ladder(self.alignment))
        self.assertNotEqual(anchoralign.write_ladder(without), by_object)
        self.assertTrue(anchoralign.Lexicon().empty)

    def test_options(self):
        one_to_one = anchoralign.align(EN, ZH, lexicon=self.lexicon, bead_types="1-0,0-1,1-1")
        self.assertTrue(all(len(b.source) <= 1 and len(b.target) <= 1 for b in one_to_one))
        self.assertEqual(ladder(anchoralign.align(EN, ZH, lexicon=self.lexicon,
                                                  bead_types=[(1, 0), (0, 1), (1, 1)])),
                         ladder(one_to_one))
        assert_every_sentence_once(self, one_to_one)
        forced = anchoralign.align(EN, ZH, lexicon=False, source_lang="zh", target_lang="en")
        self.assertEqual((forced.source.lang, forced.target.lang), ("zh", "en"))

    def test_presplit_indices_are_lines(self):
        en = ("The first line has 3 apples.\n\nThe second line names Berlin.\n"
              "The third line is about 2024.\nA fourth line without a counterpart.\n")
        zh = "第一行有3个苹果。\n\n第二行提到Berlin。\n第三行是关于2024年的。\n"
        a = anchoralign.align(en, zh, presplit=True, lexicon=self.lexicon)
        self.assertEqual([s.text for s in a.source], en.splitlines())
        self.assertEqual([s.text for s in a.target], zh.splitlines())
        assert_every_sentence_once(self, a)

        def partner(source_index):
            return next(list(b.target) for b in a if source_index in b.source)

        self.assertEqual(partner(0), [0])
        self.assertEqual(partner(2), [2])
        self.assertEqual(partner(3), [3])
        # Without presplit the blank line is a paragraph break, not a sentence.
        self.assertEqual(len(anchoralign.split(en)), 4)

    def test_split(self):
        text = anchoralign.split("第一句。第二句！\n\n第三句？", lang="zh")
        self.assertEqual([s.text for s in text], ["第一句。", "第二句！", "第三句？"])
        self.assertEqual([s.paragraph for s in text], [0, 0, 1])
        self.assertEqual(text.lang, "zh")
        self.assertEqual(anchoralign.split("Dr. Smith arrived. He sat down.").lang, "en")
        self.assertEqual([s.text for s in anchoralign.split("Dr. Smith arrived. He sat down.")],
                         ["Dr. Smith arrived.", "He sat down."])
        self.assertEqual(len(anchoralign.split("")), 0)
        self.assertEqual(ladder(anchoralign.align("", "", lexicon=False)), [])
        self.assertEqual(ladder(anchoralign.align("One.", "", lexicon=False)), [([0], [])])

    def test_matches_the_command(self):
        cli = os.environ.get("ANCHORALIGN_CLI")
        if not cli:
            self.skipTest("ANCHORALIGN_CLI not set")
        for fmt, write in (("tsv", anchoralign.write_tsv), ("jsonl", anchoralign.write_jsonl),
                           ("ladder", anchoralign.write_ladder)):
            run = subprocess.run([cli, "align", "-f", fmt, str(SAMPLES / "harbour.en.txt"),
                                  str(SAMPLES / "harbour.zh.txt")], capture_output=True, check=True)
            self.assertEqual(write(self.alignment), run.stdout.decode("utf-8"), fmt)


class ErrorTest(unittest.TestCase):
    def test_library_errors(self):
        with self.assertRaises(anchoralign.InputError) as caught:
            anchoralign.align(b"Bad \xff byte.", ZH, lexicon=False, encoding="UTF-8")
        self.assertIn("<source>", str(caught.exception))
        self.assertIn("byte 4", str(caught.exception))
        # The position as attributes: "Bad " is 4 bytes, on line 1.
        self.assertEqual((caught.exception.file, caught.exception.line,
                          caught.exception.byte_offset), ("<source>", 1, 4))
        with self.assertRaises(anchoralign.Error):
            anchoralign.split(SAMPLES / "no-such-file.txt")
        with self.assertRaises(anchoralign.Error):
            anchoralign.Lexicon.load(str(SAMPLES / "no-such-lexicon.tsv"))
        # A file name that is not UTF-8 still gives the library's error, its byte replaced.
        with self.assertRaises(anchoralign.InputError) as caught:
            anchoralign.split(pathlib.Path(os.fsdecode(b"/no-such-folder/\xff.txt")))
        self.assertIn("/no-such-folder/\ufffd.txt", str(caught.exception))
        replaced = anchoralign.split(b"Bad \xff byte.", on_invalid="replace", encoding="UTF-8")
        self.assertEqual(replaced[0].text, "Bad \ufffd byte.")

    def test_invalid_arguments_are_value_errors(self):
        cases = [dict(min_band=1), dict(bead_types="1-1,1-2"), dict(bead_types="one-one"),
                 dict(on_invalid="ignore"), dict(input_format="pdf"), dict(source_lang="fr"),
                 dict(encoding="no-such-encoding")]
        for options in cases:
            with self.subTest(options=options), self.assertRaises(ValueError):
                anchoralign.align(EN.encode(), ZH.encode(), lexicon=False, **options)
        with self.assertRaises(anchoralign.OptionError) as caught:  # the library's: both at once
            anchoralign.align(EN, ZH, lexicon=False, min_band=1)
        self.assertEqual((caught.exception.file, caught.exception.line,
                          caught.exception.byte_offset), (None, None, None))
        self.assertTrue(issubclass(anchoralign.OptionError, anchoralign.Error))
        self.assertTrue(issubclass(anchoralign.Error, Exception))
        with self.assertRaises(ValueError):
            anchoralign.align("\ud800 lone surrogate", ZH, lexicon=False)
        with self.assertRaises(ValueError):
            anchoralign.check(EN)
        with self.assertRaises(ValueError):
            anchoralign.check(lexicon=False, low_score=2.0, alignment=anchoralign.align(
                EN, ZH, lexicon=False))
        with self.assertRaises(ValueError):
            anchoralign.Lexicon.load([])
        with self.assertRaises(TypeError):
            anchoralign.align(EN, ZH, lexicon=42)
        with self.assertRaises(TypeError):
            anchoralign.align(EN, 42, lexicon=False)
        with self.assertRaises(TypeError):
            anchoralign.align(EN, ZH, lexicon=False, no_such_option=True)


class OutputTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.alignment = anchoralign.align(EN, ZH)

    def test_tmx_parses(self):
        tmx = anchoralign.write_tmx(self.alignment, creation_time=0)
        root = ET.fromstring(tmx.encode("utf-8"))
        self.assertEqual(root.tag, "tmx")
        header = root.find("header")
        self.assertEqual(header.get("creationdate"), "19700101T000000Z")
        self.assertEqual(header.get("creationtoolversion"), anchoralign.__version__)
        units = root.findall("body/tu")
        self.assertEqual(len(units), 14)  # every bead but the 1-0 credit line
        first = [(tuv.get(XML_LANG), tuv.find("seg").text) for tuv in units[0].findall("tuv")]
        self.assertEqual(first, [("en", "Riverton Opens New Harbour Bridge After Three Years of Work"),
                                 ("zh-CN", "历经三年建设，里弗顿港口新桥正式通车")])
        self.assertNotIn(CREDIT, tmx)
        self.assertLess(len(ET.fromstring(anchoralign.write_tmx(
            self.alignment, min_score=0.999, creation_time=0).encode()).findall("body/tu")), 14)

    def test_writers_to_files(self):
        import tempfile
        with tempfile.TemporaryDirectory() as folder:
            path = pathlib.Path(folder) / "out.jsonl"
            self.assertIsNone(anchoralign.write_jsonl(self.alignment, path))
            rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        self.assertEqual(len(rows), len(self.alignment))
        self.assertEqual(rows[-1]["source"], [15])
        self.assertEqual(rows[-1]["target"], [])
        self.assertEqual(rows[-1]["source_text"], CREDIT)
        tsv = anchoralign.write_tsv(self.alignment).splitlines()
        self.assertEqual(tsv[-1].split("\t")[:2], [CREDIT, ""])


class CheckTest(unittest.TestCase):
    def test_finds_the_omission(self):
        report = anchoralign.check(EN, ZH)
        omissions = [f for f in report.findings if f.kind == "omission"]
        self.assertEqual(len(omissions), 1)
        omission = omissions[0]
        self.assertEqual(omission.original, range(15, 16))
        self.assertEqual(len(omission.translation), 0)
        self.assertEqual(omission.original_text, CREDIT)
        self.assertEqual(omission.severity, "warning")
        self.assertTrue(omission.message and omission.evidence)
        self.assertEqual((report.original.sentences, report.original.covered_sentences), (16, 15))
        self.assertAlmostEqual(report.coverage, 15 / 16)
        self.assertEqual(report.translation.covered_sentences, 15)
        self.assertLess(report.original.covered_characters, report.original.characters)
        self.assertEqual(len(report.alignment), 15)
        self.assertEqual(report.paragraphs[-1].sentences, range(15, 16))
        self.assertEqual(report.paragraphs[-1].coverage.covered_sentences, 0)

        document = json.loads(report.to_json())
        self.assertIn(CREDIT, json.dumps(document, ensure_ascii=False))
        self.assertIn("omission", report.to_text())
        self.assertNotIn("\x1b[", report.to_text())
        self.assertIn("\x1b[", report.to_text(colour=True))
        self.assertTrue(report.to_html().lstrip().lower().startswith("<!doctype html"))

    def test_check_of_an_alignment(self):
        alignment = anchoralign.align(EN, ZH, lexicon=False)
        report = anchoralign.check(alignment=alignment, lexicon=False, low_score=0)
        self.assertIs(report.alignment, alignment)
        self.assertFalse([f for f in report.findings if f.kind == "low_score"])
        number = anchoralign.check(EN, ZH.replace("3.5亿", "4.5亿"), lexicon=False)
        mismatches = [f for f in number.findings if f.kind == "number_mismatch"]
        self.assertEqual(len(mismatches), 1)
        self.assertEqual([t.text for t in mismatches[0].translation_only], ["4.5亿"])


class ThreadTest(unittest.TestCase):
    REPEAT = 40  # the sample 40 times over: 600 beads, a few tenths of a second to align

    @classmethod
    def setUpClass(cls):
        cls.lexicon = anchoralign.default_lexicon()
        cls.source = anchoralign.split((EN + "\n\n") * cls.REPEAT)
        cls.target = anchoralign.split((ZH + "\n\n") * cls.REPEAT)

    def test_align_releases_the_gil(self):
        with Ticker() as ticker:
            alignment = anchoralign.align(self.source, self.target, lexicon=self.lexicon)
        self.assertEqual(len(alignment), 15 * self.REPEAT)
        # Measured: ~290 ticks without the GIL, under 10 when a C++ call keeps it.
        self.assertGreaterEqual(ticker.during, 25)

    def test_threads_share_a_lexicon(self):
        expected = anchoralign.write_tsv(
            anchoralign.align(self.source, self.target, lexicon=self.lexicon))

        def work(_):
            return anchoralign.write_tsv(
                anchoralign.align(self.source, self.target, lexicon=self.lexicon))

        with Ticker() as ticker, concurrent.futures.ThreadPoolExecutor(4) as pool:
            results = list(pool.map(work, range(4)))
        self.assertEqual(results, [expected] * 4)
        self.assertGreaterEqual(ticker.during, 40)


if __name__ == "__main__":
    print(f"anchoralign {anchoralign.__version__} from {anchoralign.__file__}, "
          f"Python {sys.version.split()[0]}", file=sys.stderr)
    unittest.main()
