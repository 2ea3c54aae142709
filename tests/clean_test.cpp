// Tests of lib/clean: Markdown and HTML cleaning, format detection, mixed-language files.
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "anchoralign/error.h"
#include "anchoralign/pipeline.h"
#include "clean/markup.h"

using anchoralign::Document;
using anchoralign::InputFormat;
using anchoralign::Lang;
using anchoralign::MixedParts;
namespace detail = anchoralign::detail;

namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

Document document(const std::string& name, const std::string& text) {
  Document doc;
  doc.name = name;
  doc.text = text;
  return doc;
}

// The Han characters of a text, in order: cleaning must keep every one.
std::u32string han_of(const std::string& text) {
  std::u32string han;
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    if (length == 3) {
      const char32_t c = ((lead & 0x0F) << 12) | ((text[i + 1] & 0x3F) << 6) | (text[i + 2] & 0x3F);
      if (c >= 0x4E00 && c <= 0x9FFF) han += c;
    }
    i += length;
  }
  return han;
}

const std::string kSeeds = std::string(ANCHORALIGN_SOURCE_DIR) + "/../shared/seeds/";

}  // namespace

TEST_CASE("clean_markdown: blocks become paragraphs, markup goes", "[clean]") {
  struct Case {
    const char* what;
    std::string markdown, text;
  };
  const Case cases[] = {
      {"ATX headings, closing hashes too", "# Title\nText.\n## 第二章 ##\n", "Title\n\nText.\n\n第二章\n"},
      {"setext heading", "Title\n=====\nText.\n", "Title\n\nText.\n"},
      {"links keep their text, images go",
       "See [the site](https://example.com \"Title\") and ![a photo](img.png) here.\n",
       "See the site and here.\n"},
      {"a linked image goes with its link", "[![logo](logo.png)](https://example.com)\nText\n",
       "Text\n"},
      {"reference links and their definitions",
       "See [the site][ref], [ref][] and [ref].\n\n[ref]: https://example.com \"T\"\n",
       "See the site, ref and ref.\n"},
      {"undefined references stay text", "Citations [1][2] and [sic].\n",
       "Citations [1][2] and [sic].\n"},
      {"emphasis of every kind", "**bold**, __strong__, *it*, _it_, ~~gone~~ and `co*de*`.\n",
       "bold, strong, it, it, gone and co*de*.\n"},
      {"bold around Chinese punctuation (CommonMark would not close it)",
       "他说**“规模定律”**结果如此。\n", "他说“规模定律”结果如此。\n"},
      {"unpaired bold marks of an editor export", "**GPT-1 能够****基本拼凑句子。**\n",
       "GPT-1 能够基本拼凑句子。\n"},
      {"bold spanning lines, closing mark alone on a line", "**第一行\n第二行。\n**\n",
       "第一行\n第二行。\n"},
      {"single stars and underscores that pair with nothing stay",
       "5 * 3 = 15, snake_case_name, a note* here, 约~10 km.\n",
       "5 * 3 = 15, snake_case_name, a note* here, 约~10 km.\n"},
      {"URLs are no emphasis", "Link: http://x.com/s?__biz=1&mid=2__ end\n",
       "Link: http://x.com/s?__biz=1&mid=2__ end\n"},
      {"autolinks keep the address", "Mail <a@b.org> or see <https://x.org/a_b_>.\n",
       "Mail a@b.org or see https://x.org/a_b_.\n"},
      {"escapes and character references", "\\*not em\\* &amp; &copy; &#20013;&#x6587; &bogus;\n",
       "*not em* & \xC2\xA9 中文 &bogus;\n"},
      {"bullet items, each its own paragraph", "- one\n- two *it*\n  continued\n+ three\n",
       "one\n\ntwo it\ncontinued\n\nthree\n"},
      {"ordered items and task lists", "1. one\n2) two\n- [ ] todo\n- [x] done\n",
       "one\n\ntwo\n\ntodo\n\ndone\n"},
      {"a number starting a wrapped line is no list", "It happened in\n2022. That year\n",
       "It happened in\n2022. That year\n"},
      {"block quotes, nested and lazy", "> quoted\ncontinued\n\n> > deeper\n", "quoted\ncontinued\n\ndeeper\n"},
      {"horizontal rules and comments", "a\n\n---\n\n* * *\n<!-- note\nmore -->\nb\n", "a\n\nb\n"},
      {"fenced code kept as-is, fences and info string gone",
       "Text\n```python\nx = a_b * c  # **no**\n```\nMore\n", "Text\n\nx = a_b * c  # **no**\n\nMore\n"},
      {"an unclosed fence loses nothing", "Text\n~~~\ncode *x*\n", "Text\n\ncode *x*\n"},

      {"tables: rows as paragraphs, cells as text",
       "| Name | 年龄 |\n|:-----|----:|\n| **Li** | 30 |\n| a \\| b | `x|y` |\n",
       "Name 年龄\n\nLi 30\n\na | b x|y\n"},
      {"inline HTML tags go, unknown ones stay", "a<br>b <span class=\"x\">c</span> <grin>\n",
       "a\nb c <grin>\n"},
      {"script blocks go", "a\n<script>\nvar x = 1;\n</script>\nb\n", "a\n\nb\n"},
      {"footnotes: reference goes, note stays", "Text[^1].\n\n[^1]: The note.\n",
       "Text.\n\nThe note.\n"},
      {"hard breaks and spaces", "line one  \nline\\\ntwo   words\n", "line one\nline\ntwo words\n"},
      {"a URL right after Han characters", "链接http://x.org/a__b__c\n", "链接http://x.org/a__b__c\n"},
      {"nothing but markup", "![](a.png)\n\n---\n", ""},
      {"empty", "", ""},
      // Former bugs.
      {"'**' alone on a line (seed 003) stayed", "文字。**  \n**\n\n下一段\n", "文字。\n\n下一段\n"},
      {"a footnote definition lost only its label's brackets", "[^note]: 注释。\n", "注释。\n"},
      {"a fence opened inside a block quote never closed", "> ```\n> code *x*\n> ```\n\n**After**\n",
       "code *x*\n\nAfter\n"},
  };
  for (const Case& c : cases) {
    INFO(c.what << "\n" << c.markdown);
    CHECK(detail::clean_markdown(c.markdown) == c.text);
  }
}

TEST_CASE("clean_html: tags go, block elements end paragraphs", "[clean]") {
  struct Case {
    const char* what;
    std::string html, text;
  };
  const Case cases[] = {
      {"a whole document",
       "<!DOCTYPE html>\n<html><head><title>Not prose</title>\n<style>p { color: red; }</style>\n"
       "<script>var x = \"<p>not text</p>\";</script></head>\n<body>\n<h1>The&nbsp;Harbour</h1>\n"
       "<p>First <b>bold</b> and <a href=\"x.html\">a link</a>,\nwrapped &amp; decoded: "
       "&#20013;&#x6587; &eacute;t&eacute;&hellip;</p>\n</body></html>\n",
       "The Harbour\n\nFirst bold and a link,\nwrapped & decoded: 中文 été…\n"},
      {"br, div, li and table rows end paragraphs; cells get a space",
       "<div>Block<br>after<br/>break</div><ul><li>one</li><li>two</li></ul>"
       "<table><tr><td>Li</td><td>30</td></tr><tr><th>Wu</th><th>41</th></tr></table>",
       "Block\n\nafter\n\nbreak\n\none\n\ntwo\n\nLi 30\n\nWu 41\n"},
      {"whitespace collapses; a line end stays one",
       "<p>  中文段落，\n   第二行。  two   spaces\t\ttab</p>", "中文段落，\n第二行。 two spaces tab\n"},
      {"comments, CDATA and declarations",
       "<?xml version=\"1.0\"?><p>a<!-- <p>hidden</p> -->b<![CDATA[ <c> ]]></p>", "ab <c>\n"},
      {"a '<' opening no tag stays, unknown references stay", "<p>a &lt; b, 5 < 6 &unknown; &#0;</p>",
       "a < b, 5 < 6 &unknown; \xEF\xBF\xBD\n"},
      {"unclosed script and comment lose nothing", "<p>a</p><script>b c", "a\n\nb c\n"},
      {"an unclosed tag is text", "a <b class=\"x\" c", "a <b class=\"x\" c\n"},
      {"head without its end tag ends at body", "<head><title>T</title><body><p>Text</p>", "Text\n"},
      {"inline tags do not break words", "<p>anchor<i>align</i>ed</p>", "anchoraligned\n"},
      {"images go, alt text too", "<p>See <img src=\"a.png\" alt=\"a photo\"> it</p>", "See it\n"},
      {"empty", "", ""},
      // Former bugs: none yet.
  };
  for (const Case& c : cases) {
    INFO(c.what << "\n" << c.html);
    CHECK(detail::clean_html(c.html) == c.text);
  }
}

TEST_CASE("detect_format: by extension, and by content for .txt and stdin", "[clean]") {
  struct Case {
    const char* name;
    std::string text;
    InputFormat format;
  };
  const std::string markdown = "# Title\n\nSome **bold** text.\n";
  const std::string html = "<p>One</p>\n<p>Two <b>bold</b></p>\n";
  const Case cases[] = {
      {"a.md", "plain", InputFormat::kMarkdown},
      {"a.MARKDOWN", "plain", InputFormat::kMarkdown},
      {"a.html", "plain", InputFormat::kHtml},
      {"dir.v2/a.XHTML", "plain", InputFormat::kHtml},
      {"a.htm", "plain", InputFormat::kHtml},
      {"a.text", markdown, InputFormat::kText},  // other extensions are text, whatever they hold
      {"a.zh", html, InputFormat::kText},
      {"a.txt", markdown, InputFormat::kMarkdown},
      {"-", markdown, InputFormat::kMarkdown},
      {"noextension", html, InputFormat::kHtml},
      {"a.txt", "<!DOCTYPE html><title>x</title>", InputFormat::kHtml},
      // True positives: one strong sign is enough.
      {"a.txt", "Text ![](https://x.org/a.png) text\n", InputFormat::kMarkdown},
      {"a.txt", "Read [the post](https://x.org/p) now.\n", InputFormat::kMarkdown},
      {"a.txt", "Text [1].\n\n[1]: http://x.org\n", InputFormat::kMarkdown},
      {"a.txt", "| a | b |\n|---|---|\n| 1 | 2 |\n", InputFormat::kMarkdown},
      {"a.txt", "Text\n```\ncode\n```\n", InputFormat::kMarkdown},
      {"a.txt", "# One\n\ntext\n\n# Two\n", InputFormat::kMarkdown},
      {"a.txt", "- one\n- two\n\n> quoted\n", InputFormat::kMarkdown},
      // False positives avoided: a literary text with a stray * or #, footnote stars,
      // hashtags, a numbered list, dialogue dashes, a single tag.
      {"a.txt", "# Chapter One\n\nShe said no. It was 5 * 3 o'clock.\n", InputFormat::kText},
      {"a.txt", "AGI*的執著追求。\n*AGI是AI的下一個發展階段。\n", InputFormat::kText},
      {"a.txt", "#News ·2025-01-06\n\n#话题# 内容\n", InputFormat::kText},
      {"a.txt", "1. First point.\n2. Second point.\n3. Third.\n", InputFormat::kText},
      {"a.txt", "- Who is there?\n- Me.\n- Come in.\n", InputFormat::kText},
      {"a.txt", "Use the <p> tag for paragraphs.\n", InputFormat::kText},
      {"a.txt", "A **bold** claim.\n", InputFormat::kText},
      {"a.txt", "[1] Smith (2001), p. 3.\n[2] ibid.\n", InputFormat::kText},
      {"a.txt", "", InputFormat::kText},
      // Former bugs: none yet.
  };
  for (const Case& c : cases) {
    INFO(c.name << ": " << c.text);
    CHECK(detail::detect_format(document(c.name, c.text)) == c.format);
  }
}

TEST_CASE("decode_document cleans markup as ReadOptions::format says", "[clean]") {
  const std::string markdown = "# Title\n\nSome **bold** text.\n";
  anchoralign::ReadOptions options;
  CHECK(anchoralign::decode_document(markdown, "a.txt", options).text == "Title\n\nSome bold text.\n");
  options.format = InputFormat::kText;
  CHECK(anchoralign::decode_document(markdown, "a.md", options).text == markdown);
  options.format = InputFormat::kHtml;
  CHECK(anchoralign::decode_document("a<br>b", "a.txt", options).text == "a\n\nb\n");
  options.format = InputFormat::kMarkdown;
  CHECK(anchoralign::decode_document("\xEF\xBB\xBF**a**\r\n", "a.txt", options).text == "a\n");
}

TEST_CASE("markup cleaning never throws and keeps UTF-8 whole on hostile input", "[clean]") {
  std::string hostile;
  for (int i = 0; i < 3000; ++i) hostile += "[`<&*_~![中](";
  hostile += "\n<!--<script><head>" + std::string(5000, '<') + "\xE4\xB8\xAD";
  for (const std::string& text : {detail::clean_markdown(hostile), detail::clean_html(hostile)}) {
    CHECK(han_of(text).size() == 3001);
  }
}

TEST_CASE("markup cleaning and detection take linear time", "[clean]") {
  // Former bug: each '[' and each "<script" line searched the rest of the text, so these took
  // minutes; linear, they take milliseconds, and 5 s leaves a margin for a loaded machine.
  std::string brackets(400000, '[');
  std::string links;
  for (int i = 0; i < 100000; ++i) links += "[a](";
  std::string scripts;
  for (int i = 0; i < 100000; ++i) scripts += "<script>\n";
  const auto start = std::chrono::steady_clock::now();
  for (const std::string* text : {&brackets, &links, &scripts}) {
    CHECK(detail::clean_markdown(*text) == (text->ends_with('\n') ? *text : *text + "\n"));  // all literal
    detail::clean_html(*text);
    detail::detect_format(document("a.txt", *text));
  }
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
}

TEST_CASE("seed 003: a Chinese WeChat export with Markdown noise", "[clean][seeds]") {
  const std::string path = kSeeds + "003_d48713fae1e8956e.txt";
  if (!std::filesystem::exists(path)) {
    WARN(path << " is missing; seed test skipped");
    return;
  }
  const std::string raw = read_file(path);
  const Document doc = anchoralign::decode_document(raw, path);
  CHECK(doc.text.starts_with("时代杂志2023年度CEO Sam Altman：OpenAI的领军人物万字长篇深度报道\n\n"));
  CHECK(han_of(doc.text) == han_of(raw));  // no Chinese lost
  CHECK(doc.text.find("\n原文如下，（字数11400）：\n") != std::string::npos);
  CHECK(doc.text.find("GPT-1 能够基本拼凑句子") != std::string::npos);
  CHECK(doc.text.find('*') == std::string::npos);
  CHECK(doc.text.find("![") == std::string::npos);
  CHECK(doc.text.find("mmbiz_png") == std::string::npos);  // image links
  CHECK(doc.text.find("s?__biz=Mzg5NTc4ODkzOA==") != std::string::npos);  // a URL in the prose
}

TEST_CASE("seeds 000-002 are plain text and stay byte for byte", "[clean][seeds]") {
  for (const char* name : {"000_8f5a8ca201bae64d.txt", "001_60b9fac06400bc2f.txt", "002_3430793bcf9c7bfe.txt"}) {
    const std::string path = kSeeds + name;
    if (!std::filesystem::exists(path)) {
      WARN(path << " is missing; seed test skipped");
      continue;
    }
    const std::string raw = read_file(path);
    INFO(name);
    CHECK(anchoralign::decode_document(raw, path).text == raw);
  }
}

TEST_CASE("split_mixed: one block per language, cut on position", "[clean][mixed]") {
  SECTION("Chinese first; a short English line and a neutral paragraph stay in its block") {
    const Document doc = document("mixed.txt",
                                  "港口的早晨\n\n"
                                  "港口很安静。渔船都回来了。\n\n"
                                  "Part Two\n\n"
                                  "Sam Altman 在 OpenAI 的博客上写道：“We are proud.” 他很高兴。\n\n"
                                  "2023\n\n"
                                  "Morning in the Harbour\n\n"
                                  "The harbour was quiet. The fishing boats had all come back.\n\n"
                                  "Sam Altman wrote on the OpenAI blog: \"We are proud.\" He was happy.\n");
    const MixedParts parts = anchoralign::split_mixed(doc);
    CHECK(parts.zh_first);
    CHECK_FALSE(parts.interleaved);
    CHECK(parts.zh.document.name == "mixed.txt (zh part)");
    CHECK(parts.en.document.name == "mixed.txt (en part)");
    CHECK(parts.zh.document.lang == Lang::kZh);
    CHECK(parts.en.document.lang == Lang::kEn);
    CHECK(parts.zh.paragraphs == 4);
    CHECK(parts.zh.foreign == 1);  // "Part Two"
    CHECK(parts.en.paragraphs == 3);
    CHECK(parts.en.foreign == 0);
    CHECK(parts.neutral_paragraphs == 1);
    CHECK(parts.zh.first_line == 1);
    CHECK(parts.zh.last_line == 9);
    CHECK(parts.en.first_line == 11);
    CHECK(parts.en.last_line == 15);
    CHECK(parts.zh.document.text.find("Part Two\n\nSam Altman 在") != std::string::npos);
    CHECK(parts.zh.document.text.find("2023") != std::string::npos);
    CHECK(parts.en.document.text.starts_with("Morning in the Harbour\n"));
    CHECK(parts.zh.document.text + parts.en.document.text == doc.text);  // nothing lost
  }
  SECTION("English first, the languages changing inside one paragraph") {
    const Document doc = document("b.txt", "The harbour was quiet.\nThe boats came back.\n港口很安静。\n渔船都回来了。\n");
    const MixedParts parts = anchoralign::split_mixed(doc);
    CHECK_FALSE(parts.zh_first);
    CHECK_FALSE(parts.interleaved);
    CHECK(parts.en.document.text == "The harbour was quiet.\nThe boats came back.\n");
    CHECK(parts.zh.document.text == "港口很安静。\n渔船都回来了。\n");
    CHECK(parts.en.first_line == 1);
    CHECK(parts.en.last_line == 2);
    CHECK(parts.zh.first_line == 3);
    CHECK(parts.zh.last_line == 4);
  }
  SECTION("an English name wrapped onto its own line stays in its Chinese paragraph") {
    const Document doc = document("c.txt",
                                  "他的导师是硅谷著名的创业投资人\nPaul Graham\n\n"
                                  "His mentor was the famous investor Paul Graham.\n");
    const MixedParts parts = anchoralign::split_mixed(doc);
    CHECK(parts.zh.document.text == "他的导师是硅谷著名的创业投资人\nPaul Graham\n\n");
    CHECK(parts.zh.paragraphs == 1);
    CHECK(parts.zh.foreign == 0);
    CHECK(parts.en.paragraphs == 1);
  }
  SECTION("URLs are no English") {
    const Document doc = document("d.txt",
                                  "港口很安静，渔船都回来了。\n\nhttps://example.com/the-harbour-was-quiet\n\n"
                                  "The harbour was quiet.\n");
    const MixedParts parts = anchoralign::split_mixed(doc);
    CHECK(parts.neutral_paragraphs == 1);
    CHECK(parts.zh.document.text.find("https://") != std::string::npos);
    CHECK(parts.en.paragraphs == 1);
  }
}

TEST_CASE("split_mixed: alternating paragraphs go paragraph by paragraph", "[clean][mixed]") {
  const Document doc = document("i.txt",
                                "港口很安静。\n\nThe harbour was quiet.\n\n渔船都回来了。\n\n"
                                "The boats had all come back.\n\n3\n\n天黑了。\n\nIt got dark.\n");
  const MixedParts parts = anchoralign::split_mixed(doc);
  CHECK(parts.interleaved);
  CHECK(parts.zh_first);
  CHECK(parts.zh.document.text == "港口很安静。\n\n渔船都回来了。\n\n天黑了。\n");
  CHECK(parts.en.document.text ==
        "The harbour was quiet.\n\nThe boats had all come back.\n\n3\n\nIt got dark.\n");
  CHECK(parts.zh.paragraphs == 3);
  CHECK(parts.en.paragraphs == 3);
  CHECK(parts.neutral_paragraphs == 1);
  CHECK(parts.zh.first_line == 1);
  CHECK(parts.zh.last_line == 11);
  CHECK(parts.en.first_line == 3);
  CHECK(parts.en.last_line == 13);
}

TEST_CASE("split_mixed throws InputError on a file in one language", "[clean][mixed]") {
  std::string long_chinese;
  for (int i = 0; i < 20; ++i) long_chinese += "港口很安静，渔船都回来了。";  // 11 Han, weighing 33
  struct Case {
    std::string text, message;
  };
  const Case cases[] = {
      {"港口很安静。\n\n渔船都回来了。\n", "found only Chinese"},
      {"The harbour was quiet.\n", "found only English"},
      // "The Harbour": 10 letters of 10 + 20 * 33.
      {"The Harbour\n\n" + long_chinese + "\n", "found almost only Chinese (English makes up 1.5%"},
      {"123\n\n456\n", "found no letters"},
      {"", "found no letters"},
      // Former bugs: none yet.
  };
  for (const Case& c : cases) {
    INFO(c.text);
    REQUIRE_THROWS_AS(anchoralign::split_mixed(document("one.txt", c.text)), anchoralign::InputError);
    CHECK_THROWS_WITH(anchoralign::split_mixed(document("one.txt", c.text)),
                      Catch::StartsWith("one.txt: expected Chinese and English") && Catch::Contains(c.message));
  }
}

TEST_CASE("split_mixed on seed 000: an abridged Chinese rendering, then the English original",
          "[clean][mixed][seeds]") {
  const std::string path = kSeeds + "000_8f5a8ca201bae64d.txt";
  if (!std::filesystem::exists(path)) {
    WARN(path << " is missing; seed test skipped");
    return;
  }
  const MixedParts parts = anchoralign::split_mixed(anchoralign::read_document(path));
  // Counted by reading the file: 14 Chinese paragraphs on lines 2-31 (the first a title),
  // three blank lines, 35 English paragraphs on lines 35-104; nothing without letters.
  CHECK(parts.zh_first);
  CHECK_FALSE(parts.interleaved);
  CHECK(parts.zh.paragraphs == 14);
  CHECK(parts.en.paragraphs == 35);
  CHECK(parts.zh.foreign == 0);
  CHECK(parts.en.foreign == 0);
  CHECK(parts.neutral_paragraphs == 0);
  CHECK(parts.zh.first_line == 2);
  CHECK(parts.zh.last_line == 31);
  CHECK(parts.en.first_line == 35);
  CHECK(parts.en.last_line == 104);
  CHECK(parts.zh.document.text.find("OpenAI的Sam 在自己的博客上发布了年终总结与反思的相关内容") !=
        std::string::npos);
  CHECK(parts.en.document.text.find("The second birthday of ChatGPT") < 8);
  CHECK(anchoralign::split(parts.zh.document).lang == Lang::kZh);
  CHECK(anchoralign::split(parts.en.document).lang == Lang::kEn);
}

#ifdef ANCHORALIGN_CLI
namespace {

struct Run {
  int status = -1;
  std::string output;  // stdout and stderr together
};

Run run_cli(const std::string& arguments) {
  Run result;
  FILE* pipe = popen(("'" ANCHORALIGN_CLI "' " + arguments + " 2>&1").c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  std::size_t got = 0;
  while ((got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, got);
  const int status = pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

// A path in single quotes for the shell (appended, not "'" + path: GCC 12 warns wrongly).
std::string quoted(const std::filesystem::path& path) {
  std::string text(1, '\'');
  text += path.string();
  text += '\'';
  return text;
}

// A file in the temporary folder, removed at the end of the test.
struct TempFile {
  std::filesystem::path path;
  TempFile(const std::string& name, const std::string& text)
      : path(std::filesystem::temp_directory_path() / name) {
    std::ofstream(path, std::ios::binary) << text;
  }
  ~TempFile() { std::filesystem::remove(path); }
};

}  // namespace

TEST_CASE("CLI: align --mixed FILE and split --mixed FILE", "[clean][mixed][cli]") {
  const TempFile file("anchoralign_clean_test_mixed.txt",
                      "港口的早晨\n\n港口很安静。渔船都回来了。\n\nPart Two\n\n"
                      "Sam Altman 在 OpenAI 的博客上写道：“We are proud.” 他很高兴。\n\n2023\n\n"
                      "Morning in the Harbour\n\nThe harbour was quiet. The fishing boats had all come back.\n\n"
                      "Sam Altman wrote on the OpenAI blog: \"We are proud.\" He was happy.\n");
  const std::string path = quoted(file.path);
  const Run aligned = run_cli("align --no-lexicon -f ladder --mixed " + path);
  CHECK(aligned.status == 0);
  CHECK_THAT(aligned.output,
             Catch::Contains(": mixed input: 4 Chinese paragraphs (lines 1-9), 1 of them in English but "
                             "kept there by position, then 3 English paragraphs (lines 11-15); 1 "
                             "paragraph without letters kept with its neighbours\n"));
  CHECK_THAT(aligned.output, Catch::Contains("[0]:[0]:"));  // the titles

  const Run split = run_cli("split --mixed " + path);
  CHECK(split.status == 0);
  const std::size_t part_two = split.output.find("\nPart Two\n");
  const std::size_t year = split.output.find("\n2023\n");
  const std::size_t english = split.output.find("\nMorning in the Harbour\n");
  CHECK(part_two < year);
  CHECK(year < english);
  CHECK(english != std::string::npos);

  CHECK(run_cli("align --mixed " + path + " " + path).status == 2);
  CHECK(run_cli("split --mixed --lang zh " + path).status == 2);
}

TEST_CASE("CLI: --presplit files are never cleaned as markup", "[clean][cli]") {
  const TempFile file("anchoralign_clean_test_presplit.txt", "# Title\n**Bold** line.\n\n- item\n");
  const std::string path = quoted(file.path);
  CHECK(run_cli("split --presplit " + path).output == "# Title\n**Bold** line.\n\n- item\n");
  CHECK(run_cli("split " + path).output == "Title\n\nBold line.\n\nitem\n");
}
#endif  // ANCHORALIGN_CLI
