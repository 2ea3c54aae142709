// Tests of lib/split: paragraphs, wrapped lines, sentence splitting and split().
#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "anchoralign/pipeline.h"
#include "split/paragraphs.h"
#include "split/sentence_splitter.h"
#include "text/utf8.h"

using anchoralign::Lang;
using anchoralign::Span;

namespace {

std::vector<std::string> texts_of(std::string_view text, const std::vector<Span>& spans) {
  std::vector<std::string> result;
  for (const Span& span : spans)
    result.emplace_back(text.substr(span.begin, span.end - span.begin));
  return result;
}

std::vector<std::string> sentences_of(std::string_view text, Lang lang) {
  return texts_of(text, anchoralign::detail::split_sentences(text, {0, text.size()}, lang));
}

bool all_space(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t length = anchoralign::detail::space_length_at(text, pos);
    if (length == 0) return false;
    pos += length;
  }
  return true;
}

// Empty when `spans` lie inside `outer`, in order, non-empty, trimmed, and cover every
// non-space character of it; otherwise what is wrong.
std::string coverage_error(std::string_view text, Span outer, const std::vector<Span>& spans) {
  std::size_t pos = outer.begin;
  for (const Span& span : spans) {
    if (span.begin < pos || span.end > outer.end || span.begin >= span.end) {
      return "span [" + std::to_string(span.begin) + "," + std::to_string(span.end) +
             ") out of order or empty";
    }
    if (!all_space(text.substr(pos, span.begin - pos))) return "text lost before a span";
    if (anchoralign::detail::space_length_at(text, span.begin) != 0 ||
        all_space(text.substr(anchoralign::detail::previous_char_start(text, span.end)))) {
      return "span not trimmed";
    }
    pos = span.end;
  }
  if (!all_space(text.substr(pos, outer.end - pos))) return "text lost at the end";
  return "";
}

std::string encode_utf8(char32_t c) {
  std::string out;
  anchoralign::detail::append_utf8(out, c);
  return out;
}

std::string without_spaces(std::string_view text) {
  std::string result;
  std::size_t length = 0;
  for (std::size_t pos = 0; pos < text.size(); pos += length) {
    if (!anchoralign::detail::is_space(anchoralign::detail::decode_utf8(text, pos, &length))) {
      result.append(text.substr(pos, length));
    }
  }
  return result;
}

// The coverage invariant for a whole split, at both levels, and that display text keeps
// every non-space character of its span.
std::string split_error(const std::string& text, Lang lang) {
  const std::vector<Span> paragraphs = anchoralign::detail::find_paragraphs(text);
  std::string error = coverage_error(text, {0, text.size()}, paragraphs);
  for (const Span& paragraph : paragraphs) {
    if (!error.empty()) break;
    const auto spans = anchoralign::detail::split_sentences(text, paragraph, lang);
    error = coverage_error(text, paragraph, spans);
    for (const Span& span : spans) {
      const std::string_view raw = std::string_view(text).substr(span.begin, span.end - span.begin);
      if (without_spaces(anchoralign::detail::join_wrapped_lines(raw)) != without_spaces(raw)) {
        error = "join_wrapped_lines changed the text";
      }
    }
  }
  return error;
}

}  // namespace

TEST_CASE("find_paragraphs separates runs of non-blank lines", "[split]") {
  struct Case {
    std::string text;
    std::vector<std::string> paragraphs;
  };
  const std::vector<Case> cases = {
      {"", {}},
      {"\n \n\t\n", {}},
      {"one", {"one"}},
      {"  one line \n", {"one line"}},
      {"a\nb\n\nc", {"a\nb", "c"}},
      {"a\n\n\n\nb\n", {"a", "b"}},
      {"a\n   \n\t\nb", {"a", "b"}},  // whitespace-only lines are blank
      {"　　第一段。\n　　\n　　第二段。", {"第一段。", "第二段。"}},  // ideographic spaces
      {"a\r\n\r\nb", {"a", "b"}},  // stray CRs count as whitespace
      {"  x\n  y  \n\nz", {"x\n  y", "z"}},
      // Former bugs: none yet.
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const auto spans = anchoralign::detail::find_paragraphs(c.text);
    CHECK(texts_of(c.text, spans) == c.paragraphs);
    CHECK(coverage_error(c.text, {0, c.text.size()}, spans).empty());
  }
}

TEST_CASE("join_wrapped_lines joins Chinese lines without a space", "[split]") {
  struct Case {
    const char* text;
    const char* joined;
  };
  const Case cases[] = {
      {"这是一段被\n折行的文字。", "这是一段被折行的文字。"},
      {"This is a\nwrapped line.", "This is a wrapped line."},
      {"  many   spaces\t\there  ", "many spaces here"},
      {"two\n\n  lines", "two lines"},
      {"Sam\nAltman。", "Sam Altman。"},                        // Latin on both sides
      {"作为OpenAI\n的首席执行官", "作为OpenAI 的首席执行官"},  // Latin, then Han: a space
      {"引起了关注——Sam\nAltman", "引起了关注——Sam Altman"},
      {"OpenAI\n，然后", "OpenAI，然后"},  // full-width punctuation needs no space
      {"他说：\n“好。”", "他说：“好。”"},
      {"好。”\n她走了。", "好。”她走了。"},  // shared quote takes its neighbour's side
      {"He left.”\n“Yes.", "He left.” “Yes."},
      {"中文 中文", "中文 中文"},  // a space on one line stays
      {"2022\n年", "2022 年"},
      {"", ""},
      // Former bugs: none yet.
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(anchoralign::detail::join_wrapped_lines(c.text) == c.joined);
  }
}

TEST_CASE("split_sentences: Chinese", "[split]") {
  struct Case {
    std::string text;
    std::vector<std::string> sentences;
  };
  const std::vector<Case> cases = {
      {"他说：“好。”她走了。", {"他说：“好。”", "她走了。"}},
      {"我来了。“你好。”", {"我来了。", "“你好。”"}},
      {"真的吗？！是的。", {"真的吗？！", "是的。"}},
      {"他想了想……然后走了。", {"他想了想……", "然后走了。"}},
      {"他说……“你好。”", {"他说……", "“你好。”"}},
      {"他说：“你好……”她笑了。", {"他说：“你好……”", "她笑了。"}},
      {"我……我不知道。", {"我……我不知道。"}},  // a stutter, as in MAC
      {"没…… 没什么。", {"没…… 没什么。"}},
      {"他走了……", {"他走了……"}},
      {"价格是3.5亿元。这很贵。", {"价格是3.5亿元。", "这很贵。"}},
      {"第一；第二：第三。", {"第一；第二：第三。"}},
      {"（见上文。）接着说。", {"（见上文。）", "接着说。"}},
      {"你好吗?我很好!谢谢。", {"你好吗?", "我很好!", "谢谢。"}},
      {"第一行没有结束\n第二行。第三句。", {"第一行没有结束\n第二行。", "第三句。"}},
      {"链接：http://a.com/s?__biz=1&x=2 见上。", {"链接：http://a.com/s?__biz=1&x=2 见上。"}},
      {"![](http://x.cn/a.png)", {"![](http://x.cn/a.png)"}},
      {"他说：“好。 ”她走了。", {"他说：“好。 ”", "她走了。"}},  // a stray space
      {"与输入无关。3.传递函数是属性。", {"与输入无关。", "3.传递函数是属性。"}},
      {"库切（J.M. Coetzee）和J.M.库切。", {"库切（J.M. Coetzee）和J.M.库切。"}},
      {"他说完了。**", {"他说完了。**"}},  // Markdown debris
      {"“是传奇中的传奇。” ……他们又谈了一会儿。", {"“是传奇中的传奇。” ……", "他们又谈了一会儿。"}},
      {"……。好的。", {"……。好的。"}},
      // Traditional, with corner-bracket quotes.
      {"他說：「好。」她走了。", {"他說：「好。」", "她走了。"}},
      {"我來了。「你好。」", {"我來了。", "「你好。」"}},
      {"「他說『不』。」她哭了。", {"「他說『不』。」", "她哭了。"}},
      {"他問：『真的嗎？』我說是。", {"他問：『真的嗎？』", "我說是。"}},
      // One sentence per line, without blank lines: headings stand alone.
      {"标题\n第一句。\n第二句。\n第三句。", {"标题", "第一句。", "第二句。", "第三句。"}},
      {"这是一段被\n折行的文字，没有\n结束。下一句。",
       {"这是一段被\n折行的文字，没有\n结束。", "下一句。"}},
      // Former bugs: none yet.
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(sentences_of(c.text, Lang::kZh) == c.sentences);
    CHECK(sentences_of(c.text, Lang::kUnknown) == c.sentences);  // Han decides for unknown
  }
}

TEST_CASE("split_sentences: English", "[split]") {
  struct Case {
    std::string text;
    std::vector<std::string> sentences;
  };
  const std::vector<Case> cases = {
      {"Mr. Smith went to Washington. He left.", {"Mr. Smith went to Washington.", "He left."}},
      {"Dr. Brown met Prof. Green at St. Paul's. Then they left.",
       {"Dr. Brown met Prof. Green at St. Paul's.", "Then they left."}},
      {"Gen. Lee met Sen. Smith. They talked.", {"Gen. Lee met Sen. Smith.", "They talked."}},
      {"The U.S. economy grew 3.5 percent. Prices rose.",
       {"The U.S. economy grew 3.5 percent.", "Prices rose."}},
      {"The U.S. Army is big. Yes.", {"The U.S. Army is big.", "Yes."}},
      {"He lives in the U.S. He works in the U.K. too.",
       {"He lives in the U.S. He works in the U.K. too."}},  // suppressed: a known trade-off
      {"Some fruits, e.g. Apples, are red. Others are not.",
       {"Some fruits, e.g. Apples, are red.", "Others are not."}},
      {"We met at 9 a.m. yesterday. It rained.", {"We met at 9 a.m. yesterday.", "It rained."}},
      {"We met at 9 a.m. The meeting was short.", {"We met at 9 a.m.", "The meeting was short."}},
      {"\"He left.\" She stayed.", {"\"He left.\"", "She stayed."}},
      {"“Stop,” he said. “Now.”", {"“Stop,” he said.", "“Now.”"}},
      {"He paused... Then he left.", {"He paused...", "Then he left."}},
      {"I was... thinking.", {"I was... thinking."}},
      {"It costs $3.50. That is cheap.", {"It costs $3.50.", "That is cheap."}},
      {"Version 2.0 is out! Get it now?", {"Version 2.0 is out!", "Get it now?"}},
      {"(See Fig. 3.) The end.", {"(See Fig. 3.)", "The end."}},
      {"This is a\nwrapped line. Next one.", {"This is a\nwrapped line.", "Next one."}},
      {"Visit www.example.com today. Bye.", {"Visit www.example.com today.", "Bye."}},
      {"It was late, and so was I. At home, we slept.",
       {"It was late, and so was I.", "At home, we slept."}},
      {"That was too much. He left.", {"That was too much.", "He left."}},  // not "ch."
      {"No. I don't think so.", {"No.", "I don't think so."}},
      {"He lives at No. 10 Downing Street. Fine.", {"He lives at No. 10 Downing Street.", "Fine."}},
      {"See fig. 1.1 for details. He ate a fig. Then he left.",
       {"See fig. 1.1 for details.", "He ate a fig.", "Then he left."}},
      {"James J. Gibson and H. L. A. Hart wrote. Fine.",
       {"James J. Gibson and H. L. A. Hart wrote.", "Fine."}},
      {"'Why?' asked Tom. 'Because.'", {"'Why?' asked Tom.", "'Because.'"}},
      {"It gave a loud dong! like a bell. Then silence.",
       {"It gave a loud dong! like a bell.", "Then silence."}},
      {"1. Apples are red. 2. Pears are green.", {"1. Apples are red.", "2. Pears are green."}},
      // Without Han, … is no terminator.
      {"He paused…Then he left.", {"He paused…Then he left."}},
      // Former bugs: none yet.
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(sentences_of(c.text, Lang::kEn) == c.sentences);
  }
}

TEST_CASE("split_sentences: English inside Chinese", "[split]") {
  struct Case {
    std::string text;
    std::vector<std::string> sentences;
  };
  const std::vector<Case> cases = {
      {"他说：Hello. How are you? 我很好。", {"他说：Hello.", "How are you?", "我很好。"}},
      {"OpenAI的Sam在博客上说。ChatGPT很好。", {"OpenAI的Sam在博客上说。", "ChatGPT很好。"}},
      {"Mr. Smith来了。", {"Mr. Smith来了。"}},
      {"版本3.5发布了。GPT-3.5很好。", {"版本3.5发布了。", "GPT-3.5很好。"}},
      // Former bugs: none yet.
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(sentences_of(c.text, Lang::kZh) == c.sentences);
  }
}

TEST_CASE("split_sentences keeps spans inside the paragraph", "[split]") {
  const std::string text = "前文。\n\n  他说：“好。”她走了。  \n\n后文。";
  const auto paragraphs = anchoralign::detail::find_paragraphs(text);
  REQUIRE(paragraphs.size() == 3);
  const auto spans = anchoralign::detail::split_sentences(text, paragraphs[1], Lang::kZh);
  CHECK(texts_of(text, spans) == std::vector<std::string>{"他说：“好。”", "她走了。"});
  CHECK(spans.front().begin == paragraphs[1].begin);
  CHECK(spans.back().end == paragraphs[1].end);
  CHECK(anchoralign::detail::split_sentences(text, {3, 3}, Lang::kZh).empty());
}

TEST_CASE("sentences cover every character of random texts", "[split]") {
  const std::vector<std::string> alphabet = {
      "。", "“", "”", "？", "！", ".",  "?",  "!",  " ",  "\n",  "a",           "A",
      "中", "3", "…", "「", "」", "（", "）", "\t", "　", "Mr.", "\xE2\x80\xA8"};
  std::mt19937 random(20240601);
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1), size(0, 40);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    for (std::size_t i = size(random); i > 0; --i) text += alphabet[pick(random)];
    for (Lang lang : {Lang::kZh, Lang::kEn, Lang::kUnknown}) {
      INFO(text);
      REQUIRE(split_error(text, lang).empty());
    }
  }
}

TEST_CASE("sentences cover every character of random code points", "[split]") {
  const std::u32string tricky =
      U"。？！…⋯“”‘’「」『』（）.?!\"' \n\r\t\u3000\u2028\u0085\u00A0\u200B\uFEFF中a";
  std::mt19937 random(7);
  std::uniform_int_distribution<std::size_t> size(0, 60), pick(0, tricky.size() - 1);
  std::uniform_int_distribution<std::uint32_t> any(0, 0x10FFFF);
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    for (std::size_t i = size(random); i > 0; --i) {
      char32_t c = random() % 2 ? tricky[pick(random)] : static_cast<char32_t>(any(random));
      if (c >= 0xD800 && c <= 0xDFFF) c = 0xFFFD;
      text += encode_utf8(c);
    }
    for (Lang lang : {Lang::kZh, Lang::kEn}) {
      INFO(text);
      REQUIRE(split_error(text, lang).empty());
      anchoralign::SplitOptions options;
      options.lang = lang;
      CHECK_NOTHROW(anchoralign::split({"random.txt", text, Lang::kUnknown}, options));
    }
  }
}

TEST_CASE("sentences cover every character of the seed documents", "[split]") {
  const std::filesystem::path folder = ANCHORALIGN_SOURCE_DIR "/../shared/seeds";
  if (!std::filesystem::is_directory(folder)) return;  // the seeds live outside the repository
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() != ".txt") continue;
    ++files;
    const anchoralign::Document document = anchoralign::read_document(entry.path().string());
    INFO(entry.path().string());
    for (Lang lang : {Lang::kZh, Lang::kEn}) CHECK(split_error(document.text, lang).empty());
    const anchoralign::SplitText split = anchoralign::split(document);
    CHECK(split.sentences.size() > 10);
    for (const anchoralign::Sentence& sentence : split.sentences) {
      CHECK_FALSE(sentence.text.empty());
      CHECK_FALSE(sentence.normalized.empty());
    }
  }
  CHECK(files > 0);
}

TEST_CASE("split chooses the language and fills sentences", "[split]") {
  anchoralign::Document document;
  document.name = "zh.txt";
  document.text = "　　第一段。第二句\n接着。\n\n這個國家很大。";
  const anchoralign::SplitText split = anchoralign::split(document);
  CHECK(split.name == "zh.txt");
  CHECK(split.lang == Lang::kZh);
  REQUIRE(split.sentences.size() == 3);
  CHECK(split.sentences[0].text == "第一段。");
  CHECK(split.sentences[0].paragraph == 0);
  CHECK(split.sentences[1].text == "第二句接着。");
  CHECK(split.sentences[1].span.begin == document.text.find("第二句"));
  CHECK(split.sentences[1].paragraph == 0);
  CHECK(split.sentences[2].text == "這個國家很大。");
  CHECK(split.sentences[2].normalized == "这个国家很大。");
  CHECK(split.sentences[2].paragraph == 1);

  SECTION("options.lang wins over document.lang, which wins over detection") {
    document.lang = Lang::kEn;
    CHECK(anchoralign::split(document).lang == Lang::kEn);
    anchoralign::SplitOptions options;
    options.lang = Lang::kZh;
    CHECK(anchoralign::split(document, options).lang == Lang::kZh);
  }
  SECTION("traditional") {
    document.text = "他说：“这个国家的经济发展得很快。”";
    CHECK_FALSE(anchoralign::split(document).traditional);
    document.text = "他說：「這個國家的經濟發展得很快。」";
    CHECK(anchoralign::split(document).traditional);
    document.text = "This country's economy grows fast.";
    CHECK_FALSE(anchoralign::split(document).traditional);
  }
  SECTION("empty") {
    document.text = "";
    const anchoralign::SplitText empty = anchoralign::split(document);
    CHECK(empty.sentences.empty());
    CHECK(empty.lang == Lang::kUnknown);
  }
}

TEST_CASE("split with presplit keeps one sentence per line", "[split]") {
  struct Case {
    std::string text;
    std::vector<std::string> sentences;
  };
  const std::vector<Case> cases = {
      {"", {}},
      {"a. b. c.\n", {"a. b. c."}},
      {"one\n\ntwo", {"one", "", "two"}},
      {"one\n  \ntwo\n\n", {"one", "", "two", ""}},
      {"\n", {""}},
      {"  他说：“好。”她走了。  ", {"他说：“好。”她走了。"}},
      // Former bugs: none yet.
  };
  anchoralign::SplitOptions options;
  options.presplit = true;
  for (const Case& c : cases) {
    INFO(c.text);
    const anchoralign::SplitText split =
        anchoralign::split({"in.txt", c.text, Lang::kUnknown}, options);
    std::vector<std::string> texts;
    for (const auto& sentence : split.sentences) {
      texts.push_back(sentence.text);
      CHECK(sentence.paragraph == 0);
      CHECK(c.text.substr(sentence.span.begin, sentence.span.end - sentence.span.begin) ==
            sentence.text);
    }
    CHECK(texts == c.sentences);
  }
}

TEST_CASE("split gives the same result on concurrent threads", "[split]") {
  anchoralign::Document document;
  for (int i = 0; i < 200; ++i) {
    document.text += "他說：「這是第" + std::to_string(i) + "句。」Mr. Smith走了……然後呢？\n\n";
  }
  const anchoralign::SplitText expected = anchoralign::split(document);
  std::vector<anchoralign::SplitText> results(4);
  std::vector<std::thread> threads;
  for (auto& result : results) {
    threads.emplace_back([&document, &result] { result = anchoralign::split(document); });
  }
  for (auto& thread : threads) thread.join();
  REQUIRE(expected.sentences.size() == 600);  // 他說：「…」 + Mr. Smith走了…… + 然後呢？
  for (const auto& result : results) {
    REQUIRE(result.sentences.size() == expected.sentences.size());
    for (std::size_t i = 0; i < result.sentences.size(); ++i) {
      CHECK(result.sentences[i].normalized == expected.sentences[i].normalized);
    }
  }
}
