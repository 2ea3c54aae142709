"""Sentence alignment of Chinese translations with their English originals.

    >>> import anchoralign
    >>> alignment = anchoralign.align(english, chinese)
    >>> for bead in alignment:
    ...     print(list(bead.source), list(bead.target), bead.score, bead.source_text)

Texts may be given as ``str``, as ``bytes`` (decoded as ``encoding`` says: BOM, UTF-8,
GB18030, Big5...), as an ``os.PathLike`` file path, or as a ``SplitText`` from ``split()``.
Every call runs without the GIL, so Python threads aligning at once run in parallel; a
``Lexicon`` is immutable and can be shared between them.

Errors of the library raise ``anchoralign.Error`` (``InputError`` for unreadable or malformed
input, ``OptionError`` for an option out of range; ``OptionError`` is also a ``ValueError``).
"""

from __future__ import annotations

import os
import threading
import time
import warnings
from typing import Dict, Iterable, Optional, Sequence, TextIO, Tuple, Union

from . import _anchoralign as _ext
from ._anchoralign import (
    Alignment,
    Bead,
    Coverage,
    Error,
    Finding,
    InputError,
    Lexicon,
    OptionError,
    ParagraphCoverage,
    Report,
    Sentence,
    SplitText,
    Term,
    find_default_lexicon,
)

__version__: str = _ext.__version__

for _class in (Alignment, Bead, Coverage, Finding, Lexicon, ParagraphCoverage, Report, Sentence,
               SplitText, Term):
    _class.__module__ = __name__  # anchoralign.Alignment, as users name it, in help() and reprs
del _class

__all__ = [
    "Alignment", "Bead", "Coverage", "Error", "Finding", "InputError", "Lexicon", "OptionError",
    "ParagraphCoverage", "Report", "Sentence", "SplitText", "Term", "__version__", "align",
    "check", "default_lexicon", "find_default_lexicon", "split", "write_jsonl", "write_ladder",
    "write_tmx", "write_tsv",
]

Text = Union[str, bytes, bytearray, "os.PathLike[str]", SplitText]
LexiconArg = Union[None, bool, str, "os.PathLike[str]", Sequence[Union[str, "os.PathLike[str]"]],
                   Lexicon]
BeadTypes = Union[None, str, Iterable[Tuple[int, int]]]
Output = Union[None, str, "os.PathLike[str]", TextIO]

_defaults_lock = threading.Lock()
_defaults: Dict[Optional[str], Lexicon] = {}


def default_lexicon() -> Lexicon:
    """The default lexicon (CC-CEDICT where ``find_default_lexicon()`` finds it), loaded once.

    Without one, the empty lexicon, with a ``RuntimeWarning`` the first time: alignment then
    rests on length and anchors alone, as with ``lexicon=False``.
    """
    path = find_default_lexicon()
    with _defaults_lock:  # one thread loads it; the others wait for that copy
        if path not in _defaults:
            if path is None:
                warnings.warn("anchoralign: no lexicon found (scripts/fetch-lexicon.sh installs "
                              "CC-CEDICT); aligning by length and anchors", RuntimeWarning,
                              stacklevel=2)
                _defaults[path] = Lexicon()
            else:
                _defaults[path] = Lexicon.load(path)
        return _defaults[path]


def _lexicon(lexicon: LexiconArg) -> Lexicon:
    if isinstance(lexicon, Lexicon):
        return lexicon
    if lexicon is None or lexicon is True:
        return default_lexicon()
    if lexicon is False:
        return Lexicon()
    if isinstance(lexicon, (str, os.PathLike)):
        return Lexicon.load(lexicon)
    if isinstance(lexicon, (list, tuple)):
        return Lexicon.load(list(lexicon))
    raise TypeError(f"lexicon must be None, False, a path, a list of paths or a Lexicon, "
                    f"not {type(lexicon).__name__}")


def _lang(lang: Optional[str]) -> str:
    if lang is None:
        return "auto"
    if not isinstance(lang, str):
        raise TypeError(f"lang must be 'zh', 'en', 'auto' or None, not {type(lang).__name__}")
    return lang


def split(text: Text, lang: Optional[str] = None, presplit: bool = False, *,
          name: str = "<text>", encoding: str = "auto", on_invalid: str = "error",
          input_format: str = "auto") -> SplitText:
    """Split a text into sentences, in order, losing no text.

    ``text``: ``str``, ``bytes`` (decoded as ``encoding`` says), or an ``os.PathLike`` path.
    ``lang``: ``'zh'``, ``'en'``, or None/``'auto'`` to detect it from the script.
    ``presplit``: each line is one sentence (blank lines stay as empty sentences).
    ``name``: the text's name in error messages. ``encoding``: ``'auto'`` (BOM, UTF-8, else
    detected) or an ICU converter name such as ``'GB18030'``, for bytes and files (a str is
    already decoded).
    ``on_invalid``: ``'error'`` or ``'replace'`` (invalid bytes become U+FFFD).
    ``input_format``: ``'auto'``, ``'text'``, ``'markdown'`` or ``'html'`` (markup is removed).

    Returns a ``SplitText``: a sequence of ``Sentence`` (``text``, ``paragraph``, ``begin``,
    ``end``) with ``lang`` and ``name``. Raises ``InputError`` for undecodable bytes or an
    unreadable file, ``OptionError`` for a bad option value.
    """
    if isinstance(text, SplitText):
        return text
    lang = _lang(lang)
    args = (encoding, on_invalid, input_format, bool(presplit), lang)
    if isinstance(text, str):  # already decoded: `encoding` is for bytes and files
        # str.encode raises UnicodeEncodeError (a ValueError) for lone surrogates.
        return _ext._split(text.encode("utf-8"), name, False, "UTF-8", *args[1:])
    if isinstance(text, (bytes, bytearray, memoryview)):
        return _ext._split(bytes(text), name, False, *args)
    if isinstance(text, os.PathLike):
        return _ext._split(os.fsencode(text), "", True, *args)  # named by its path
    raise TypeError(f"text must be str, bytes, a path or a SplitText, not {type(text).__name__}")


def _bead_types(bead_types: BeadTypes) -> Optional[list]:
    if bead_types is None:
        return None
    if isinstance(bead_types, str):
        pairs = []
        for item in bead_types.split(","):
            src, dash, tgt = item.strip().partition("-")
            if not (dash and src.isdigit() and tgt.isdigit()):
                raise ValueError(f"bead_types: '{item}' is not of the form S-T, e.g. 1-2")
            pairs.append((int(src), int(tgt)))
        return pairs
    pairs = [tuple(pair) for pair in bead_types]
    if not all(len(pair) == 2 and all(isinstance(n, int) for n in pair) for pair in pairs):
        raise ValueError("bead_types must be 'S-T,...' or (source, target) pairs of ints")
    return pairs


def align(source_text: Text, target_text: Text, presplit: bool = False,
          lexicon: LexiconArg = None, *, source_lang: Optional[str] = None,
          target_lang: Optional[str] = None, bead_types: BeadTypes = None,
          min_band: int = _ext.DEFAULT_MIN_BAND, use_paragraphs: bool = True,
          use_anchors: bool = True, adapt_priors: bool = True, params_file: Optional[str] = None,
          encoding: str = "auto", on_invalid: str = "error", input_format: str = "auto",
          source_name: str = "<source>", target_name: str = "<target>") -> Alignment:
    """Align a text with its translation, sentence by sentence.

    ``source_text``, ``target_text``: as for ``split()`` (or ``SplitText`` objects from it).
    ``presplit``: each line is one sentence. ``lexicon``: None for the default lexicon
    (``default_lexicon()``), False for none (length and anchors only), a path or list of
    paths to load, or a loaded ``Lexicon`` (load once, share between calls and threads).
    ``source_lang``/``target_lang``: ``'zh'``, ``'en'`` or None to detect.
    ``bead_types``: the bead shapes allowed, ``"1-0,0-1,1-1,1-2,2-1"`` or ``[(1, 0), ...]``
    (1-0, 0-1 and 1-1 are required; each side at most 4); None keeps the default.
    ``min_band``: smallest half-width of the search band, in sentences, in [4, 1000000].
    ``use_paragraphs``: paragraph breaks as soft anchors. ``use_anchors``: numbers, names, ? !
    ``adapt_priors``: re-estimate bead-shape shares from a first pass.
    ``params_file``: tuning only, a file of ``key = value`` scoring parameters.
    The reading options (``encoding``, ``on_invalid``, ``input_format``) are ``split()``'s.

    Returns an ``Alignment``: a sequence of ``Bead`` (``source``, ``target`` index ranges,
    ``source_text``, ``target_text``, ``score`` in [0, 1]) with ``source`` and ``target``
    (the ``SplitText`` of each side); every sentence of both sides lies in exactly one bead.
    """
    read = dict(presplit=presplit, encoding=encoding, on_invalid=on_invalid,
                input_format=input_format)
    source = split(source_text, source_lang, name=source_name, **read)
    target = split(target_text, target_lang, name=target_name, **read)
    return _ext._align(source, target, _lexicon(lexicon), _bead_types(bead_types), min_band,
                       use_paragraphs, use_anchors, adapt_priors, params_file or "")


def check(original: Optional[Text] = None, translation: Optional[Text] = None, *,
          alignment: Optional[Alignment] = None, lexicon: LexiconArg = None,
          low_score: float = _ext.DEFAULT_LOW_SCORE, numbers: bool = True, terms: bool = True,
          **options) -> Report:
    """Check how much of an original its translation covers, and where the two disagree.

    Give ``original`` and ``translation`` (as for ``align()``, which aligns them with
    ``lexicon`` and ``**options``), or an ``alignment`` from ``align()`` (original = its source
    side). ``low_score``: report aligned beads scoring below this, in [0, 1] (0: none).
    ``numbers``/``terms``: report numbers / Latin-script names found on one side of a bead only.

    Returns a ``Report``: ``original`` and ``translation`` coverage, ``coverage`` (the share
    of the original's sentences with a counterpart), ``paragraphs``, ``findings`` (``kind``,
    ``severity``, ``original``/``translation`` index ranges and texts, ``message``,
    ``evidence``), ``alignment``, and ``to_text()``, ``to_json()``, ``to_html()``.
    """
    lexicon = _lexicon(lexicon)
    if alignment is None:
        if original is None or translation is None:
            raise ValueError("check needs original and translation, or alignment")
        alignment = align(original, translation, lexicon=lexicon, **options)
    elif original is not None or translation is not None or options:
        raise ValueError("check takes either texts (with align options) or an alignment")
    return _ext._check(alignment, lexicon, low_score, numbers, terms)


def _creation_time() -> int:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None:
        return int(time.time())
    try:
        return int(epoch)
    except ValueError:
        raise ValueError("SOURCE_DATE_EPOCH must be a number of seconds") from None


def _output(text: str, path: Output) -> Optional[str]:
    if path is None:
        return text
    if hasattr(path, "write"):
        path.write(text)
        return None
    with open(path, "w", encoding="utf-8", newline="") as out:  # newline="": bytes as written
        out.write(text)
    return None


def write_tmx(alignment: Alignment, path: Output = None, *, min_score: float = 0.0,
              tool_version: str = __version__, creation_time: Optional[int] = None
              ) -> Optional[str]:
    """The alignment as TMX 1.4b: one translation unit per bead with both sides and a score
    of at least ``min_score``. Written to ``path`` (a file name or an object with ``write``),
    or returned as a string when ``path`` is None. ``creation_time``: seconds since the epoch
    for ``creationdate``; None takes ``$SOURCE_DATE_EPOCH``, else the current time.
    """
    if creation_time is None:
        creation_time = _creation_time()
    return _output(_ext._write(alignment, "tmx", min_score, tool_version, creation_time), path)


def write_tsv(alignment: Alignment, path: Output = None) -> Optional[str]:
    """One bead per line, every bead: source text, target text, score, tab-separated.
    Written to ``path``, or returned as a string when ``path`` is None."""
    return _output(_ext._write(alignment, "tsv", 0.0, "", 0), path)


def write_jsonl(alignment: Alignment, path: Output = None) -> Optional[str]:
    """One JSON object per bead, every bead: indices of both sides, their texts, the score.
    Written to ``path``, or returned as a string when ``path`` is None."""
    return _output(_ext._write(alignment, "jsonl", 0.0, "", 0), path)


def write_ladder(alignment: Alignment, path: Output = None) -> Optional[str]:
    """One bead per line, ``[i,j]:[k]:score`` (0-based, ``[]`` for an empty side).
    Written to ``path``, or returned as a string when ``path`` is None."""
    return _output(_ext._write(alignment, "ladder", 0.0, "", 0), path)
