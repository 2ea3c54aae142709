// Tests of lib/text: decoding, language detection and normalisation.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "anchoralign/error.h"
#include "anchoralign/pipeline.h"
#include "text/language.h"
#include "text/normalize.h"
#include "text/utf8.h"

using anchoralign::Lang;

namespace {

std::string input_error_message(const std::string& bytes, const std::string& name) {
  try {
    anchoralign::decode_document(bytes, name);
  } catch (const anchoralign::InputError& error) {
    return error.what();
  }
  return "(no error)";
}

// A file in the system's temporary folder, removed when the test ends.
struct TempFile {
  std::filesystem::path path;
  explicit TempFile(const std::string& name, const std::string& bytes)
      : path(std::filesystem::temp_directory_path() / name) {
    std::ofstream(path, std::ios::binary) << bytes;
  }
  ~TempFile() { std::filesystem::remove(path); }
};

}  // namespace

TEST_CASE("decode_document strips the BOM and folds line ends", "[text]") {
  struct Case {
    std::string bytes, text;
  };
  const Case cases[] = {
      {std::string("\xEF\xBB\xBF") + "abc", "abc"},
      {"\xEF\xBB\xBF", ""},
      {"", ""},
      {"a\xEF\xBB\xBF", "a\xEF\xBB\xBF"},  // only a leading BOM is a BOM
      {"a\r\nb\r\n", "a\nb\n"},
      {"a\rb\r\rc", "a\nb\n\nc"},
      {"\r\n\r\n", "\n\n"},
      {"\r", "\n"},
      {"中文\r\n第二行", "中文\n第二行"},
      // The edges of the valid ranges.
      {"\xF4\x8F\xBF\xBF \xEF\xBF\xBF \xF0\x9F\x98\x80 \xC2\x80",
       "\xF4\x8F\xBF\xBF \xEF\xBF\xBF \xF0\x9F\x98\x80 \xC2\x80"},
      // Former bugs: none yet.
  };
  for (const Case& c : cases) {
    INFO(c.bytes);
    const anchoralign::Document document = anchoralign::decode_document(c.bytes, "in.txt");
    CHECK(document.text == c.text);
    CHECK(document.name == "in.txt");
    CHECK(document.lang == Lang::kUnknown);
  }
}

TEST_CASE("decode_document rejects invalid UTF-8 naming byte and line", "[text]") {
  struct Case {
    const char* what;
    std::string bytes;
    std::size_t byte, line;
  };
  const Case cases[] = {
      {"overlong 2-byte", "ab\xC0\x80", 2, 1},
      {"overlong 3-byte", "x\xE0\x80\xAF", 1, 1},
      {"overlong 4-byte", "\xF0\x8F\xBF\xBF", 0, 1},
      {"lone continuation byte", "x\ny\n\x80", 4, 3},
      {"truncated at the end", "中\xE4\xB8", 3, 1},
      {"truncated before ASCII",
       "\xE4\xB8"
       "a",
       0, 1},
      {"surrogate", "\n\xED\xA0\x80", 1, 2},
      {"above U+10FFFF", "ok\r\n\xF4\x90\x80\x80", 4, 2},
      {"invalid lead byte F5", "\xF5\x80\x80\x80", 0, 1},
      {"invalid lead byte FF after lone CRs", "a\r\rb\xFF", 4, 3},
      {"offset counts the BOM", "\xEF\xBB\xBF\xFF", 3, 1},
      // 中文 in GB18030: D6 is a valid lead byte, but D0 is no continuation byte.
      {"GB18030 text", "ok \xD6\xD0\xCE\xC4", 3, 1},
      // Former bugs: none yet.
  };
  for (const Case& c : cases) {
    INFO(c.what);
    REQUIRE_THROWS_AS(anchoralign::decode_document(c.bytes, "zh.txt"), anchoralign::InputError);
    const std::string message = input_error_message(c.bytes, "zh.txt");
    CHECK_THAT(message, Catch::StartsWith("zh.txt: invalid UTF-8"));
    CHECK_THAT(message, Catch::Contains("byte " + std::to_string(c.byte) + " "));
    CHECK_THAT(message, Catch::Contains("line " + std::to_string(c.line) + ")"));
    CHECK_THAT(message, Catch::Contains("iconv"));
  }
}

TEST_CASE("decode_document rejects NUL bytes as binary", "[text]") {
  const std::string bytes("ab\ncd\0ef", 8);
  REQUIRE_THROWS_AS(anchoralign::decode_document(bytes, "img.png"), anchoralign::InputError);
  const std::string message = input_error_message(bytes, "img.png");
  CHECK_THAT(message, Catch::StartsWith("img.png: binary file"));
  CHECK_THAT(message, Catch::Contains("byte 5"));
  CHECK_THAT(message, Catch::Contains("line 2"));
}

TEST_CASE("read_document reads files and standard input", "[text]") {
  SECTION("a file: BOM and CRLF handled, name is the path") {
    const TempFile file("anchoralign_text_test_ok.txt", "\xEF\xBB\xBF第一行\r\nsecond\r\n");
    const anchoralign::Document document = anchoralign::read_document(file.path.string());
    CHECK(document.text == "第一行\nsecond\n");
    CHECK(document.name == file.path.string());
  }
  SECTION("standard input") {
    std::istringstream input("from stdin\r\n");
    std::streambuf* saved = std::cin.rdbuf(input.rdbuf());
    const anchoralign::Document document = anchoralign::read_document("-");
    std::cin.rdbuf(saved);
    CHECK(document.text == "from stdin\n");
    CHECK(document.name == "-");
  }
  SECTION("invalid bytes in a file name the file") {
    const TempFile file("anchoralign_text_test_bad.txt", "ok\n\xFF");
    const std::string path = file.path.string();
    CHECK_THROWS_WITH(anchoralign::read_document(path), Catch::StartsWith(path + ": invalid"));
  }
}

TEST_CASE("read_document names the path of unreadable input", "[text]") {
  const std::string missing = "/nonexistent-anchoralign-dir/zh.txt";
  REQUIRE_THROWS_AS(anchoralign::read_document(missing), anchoralign::InputError);
  CHECK_THROWS_WITH(
      anchoralign::read_document(missing),
      Catch::StartsWith(missing + ": cannot read: ") && Catch::Contains("No such file"));
  const std::string directory = std::filesystem::temp_directory_path().string();
  CHECK_THROWS_WITH(anchoralign::read_document(directory),
                    Catch::StartsWith(directory + ": cannot read: "));
}

TEST_CASE("detect_language uses the share of Han and Latin letters", "[text]") {
  struct Case {
    const char* text;
    Lang lang;
  };
  const Case cases[] = {
      {"那天晚上我没走掉。陈清扬把我拽住。", Lang::kZh},
      {"That night I did not get away. Chen Qingyang held me back.", Lang::kEn},
      {"OpenAI的Sam在博客上发布了年终总结。", Lang::kZh},
      {"我们用PyTorch和TensorFlow训练了BERT和GPT-2模型，效果很好。", Lang::kZh},
      {"關於為什麼要向美國即將上任的總統捐贈", Lang::kZh},
      {"In Beijing people greet each other with 你好 and thank each other with 谢谢 "
       "every single day of the week.",
       Lang::kEn},
      {"The word Tao (道) means way.", Lang::kEn},
      {"Ｆｕｌｌ-width Ｌａｔｉｎ letters", Lang::kEn},
      {"", Lang::kUnknown},
      {"12345 !!! ... 。，", Lang::kUnknown},
      // Former bugs: none yet.
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(anchoralign::detect_language(c.text) == c.lang);
  }
}

TEST_CASE("count_scripts counts Han characters and Latin letters", "[text]") {
  const auto counts = anchoralign::detail::count_scripts("ab中文Äé1 x\xE3\x90\x80\xEF\xA4\x80");
  CHECK(counts.han == 4);    // 中 文 U+3400 (Ext A) U+F900 (compatibility)
  CHECK(counts.latin == 5);  // a b Ä é x
  CHECK(anchoralign::detail::language_of({0, 0}) == Lang::kUnknown);
  CHECK(anchoralign::detail::language_of({1, 12}) == Lang::kZh);
  CHECK(anchoralign::detail::language_of({1, 13}) == Lang::kEn);
}

TEST_CASE("normalize_for_matching folds width, case and script", "[text]") {
  using anchoralign::detail::normalize_for_matching;
  struct Case {
    const char* text;
    Lang lang;
    const char* normalized;
  };
  const Case cases[] = {
      {"ＡＢＣ１２３", Lang::kZh, "abc123"},
      {"ＡＢＣ１２３", Lang::kEn, "abc123"},
      {"Hello WORLD", Lang::kEn, "hello world"},
      {"Straße", Lang::kEn, "strasse"},  // full case folding, not lower-casing
      {"ΣΊΣΥΦΟΣ", Lang::kEn, "σίσυφοσ"},
      {"這個國家", Lang::kZh, "这个国家"},
      {"這個國家", Lang::kEn, "這個國家"},  // only Chinese is converted
      {"这个国家", Lang::kZh, "这个国家"},
      {"他說：「好。」", Lang::kZh, "他说:“好。”"},
      {"甚麼", Lang::kZh, "什么"},  // phrase rule, not per character (甚么)
      {"ﬁ①", Lang::kEn, "fi1"},
      {"", Lang::kZh, ""},
      // Former bugs: none yet.
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(normalize_for_matching(c.text, c.lang) == c.normalized);
  }
}

TEST_CASE("looks_traditional tells Traditional from Simplified", "[text]") {
  using anchoralign::detail::looks_traditional;
  CHECK(looks_traditional("關於為什麼要向美國即將上任的總統特朗普捐贈100萬美元的就職基金。"));
  CHECK(looks_traditional("他說：「這個國家的經濟發展得很快。」"));
  CHECK_FALSE(looks_traditional("关于为什么要向美国即将上任的总统特朗普捐赠100万美元的就职基金。"));
  CHECK_FALSE(looks_traditional("他说：“这个国家的经济发展得很快。”"));
  CHECK_FALSE(looks_traditional("English only."));
  CHECK_FALSE(looks_traditional(""));
  // Characters shared by both scripts (人 大 中) are no evidence either way.
  CHECK_FALSE(looks_traditional("人大中小山水"));
}

TEST_CASE("utf8 helpers survive malformed slices", "[text]") {
  using anchoralign::detail::decode_utf8;
  std::size_t length = 0;
  CHECK(decode_utf8("\xE4\xB8", 0, &length) == anchoralign::detail::kReplacementChar);
  CHECK(length == 1);
  CHECK(decode_utf8("\xE4\xB8\xAD", 0, &length) == U'中');
  CHECK(length == 3);
  std::size_t begin = 0, end = 4;
  anchoralign::detail::trim_spaces("\x80   ", &begin, &end);
  CHECK(begin == 0);
  CHECK(end == 1);
}
