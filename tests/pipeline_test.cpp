#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <vector>
#include <sstream>
#include <string>

#include "anchoralign/error.h"
#include "anchoralign/io.h"
#include "anchoralign/pipeline.h"

namespace anchoralign {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

SplitText split_sample(const char* name) {
  return split(read_document(std::string(ANCHORALIGN_SOURCE_DIR) + "/samples/" + name));
}

// Every sentence of both sides in exactly one bead, in order.
void require_complete(const Alignment& alignment, std::size_t n, std::size_t m) {
  int i = 0, j = 0;
  for (const Bead& bead : alignment) {
    REQUIRE(bead.src_begin == i);
    REQUIRE(bead.tgt_begin == j);
    REQUIRE(bead.score >= 0);
    REQUIRE(bead.score <= 1);
    i += bead.src_len;
    j += bead.tgt_len;
  }
  REQUIRE(i == static_cast<int>(n));
  REQUIRE(j == static_cast<int>(m));
}

const Bead* bead_with_source(const Alignment& alignment, const SplitText& source,
                             const std::string& needle) {
  for (const Bead& bead : alignment) {
    for (int k = bead.src_begin; k < bead.src_begin + bead.src_len; ++k) {
      if (source.sentences[k].text.find(needle) != std::string::npos) return &bead;
    }
  }
  return nullptr;
}

}  // namespace

TEST_CASE("The sample pair aligns as a person would align it", "[pipeline]") {
  const SplitText en = split_sample("harbour.en.txt");
  const SplitText zh = split_sample("harbour.zh.txt");
  REQUIRE(en.lang == Lang::kEn);
  REQUIRE(zh.lang == Lang::kZh);
  const Alignment alignment = align(en, zh);
  require_complete(alignment, en.sentences.size(), zh.sentences.size());

  // The untranslated sentence is a 1-0 bead.
  const Bead* retire = bead_with_source(alignment, en, "(Reporting by Anna Berg");
  REQUIRE(retire != nullptr);
  CHECK(retire->src_len == 1);
  CHECK(retire->tgt_len == 0);
  // The two quoted sentences are one Chinese sentence.
  const Bead* quote = bead_with_source(alignment, en, "This bridge connects");
  REQUIRE(quote != nullptr);
  CHECK(quote->src_len == 2);
  CHECK(quote->tgt_len == 1);
  // One English sentence rendered as two Chinese ones.
  const Bead* arches = bead_with_source(alignment, en, "Engineers from Nordbau GmbH");
  REQUIRE(arches != nullptr);
  CHECK(arches->src_len == 1);
  CHECK(arches->tgt_len == 2);
  // Numbers in other forms: 350 million dollars = 3.5亿美元.
  const Bead* cost = bead_with_source(alignment, en, "350 million dollars");
  REQUIRE(cost != nullptr);
  CHECK(join_sentences(zh, cost->tgt_begin, cost->tgt_len).find("3.5亿") != std::string::npos);
}

TEST_CASE("Alignment is complete whatever the input sizes", "[pipeline]") {
  const SplitText en = split_sample("harbour.en.txt");
  SplitText empty_side;
  empty_side.lang = Lang::kZh;
  require_complete(align(en, empty_side), en.sentences.size(), 0);
  require_complete(align(empty_side, en), 0, en.sentences.size());
  // Only 1-0, 0-1 and 1-1 allowed.
  AlignOptions options;
  options.bead_types = {{1, 0}, {0, 1}, {1, 1}};
  const SplitText zh = split_sample("harbour.zh.txt");
  const Alignment alignment = align(en, zh, options);
  require_complete(alignment, en.sentences.size(), zh.sentences.size());
  for (const Bead& bead : alignment) REQUIRE(bead.src_len + bead.tgt_len <= 2);
}

TEST_CASE("validate() rejects options that break a rule", "[pipeline]") {
  AlignOptions options;
  options.bead_types = {{1, 1}, {1, 0}};
  REQUIRE_THROWS_AS(validate(options), OptionError);
  options.bead_types = {{1, 1}, {1, 0}, {0, 1}, {5, 1}};
  REQUIRE_THROWS_AS(validate(options), OptionError);
  options.bead_types = {{1, 1}, {1, 0}, {0, 1}, {0, 0}};
  REQUIRE_THROWS_AS(validate(options), OptionError);
  options = AlignOptions{};
  options.min_band = 2;
  REQUIRE_THROWS_AS(validate(options), OptionError);
  WriteOptions write;
  write.min_score = 1.5;
  REQUIRE_THROWS_AS(validate(write), OptionError);
  write.min_score = -0.1;
  REQUIRE_THROWS_AS(validate(write), OptionError);
  REQUIRE_NOTHROW(validate(AlignOptions{}));
  REQUIRE_NOTHROW(validate(WriteOptions{}));
}

TEST_CASE("Presplit input keeps line numbers as sentence indices", "[pipeline]") {
  const Document document = decode_document("第一行。\n\n第三行。\n", "lines.txt");
  SplitOptions options;
  options.presplit = true;
  const SplitText text = split(document, options);
  REQUIRE(text.sentences.size() == 3);
  REQUIRE(text.sentences[1].text.empty());
  REQUIRE(text.sentences[2].text == "第三行。");
}

TEST_CASE("The golden sample output is unchanged", "[pipeline]") {
  const SplitText en = split_sample("harbour.en.txt");
  const SplitText zh = split_sample("harbour.zh.txt");
  std::ostringstream tsv;
  write_tsv(tsv, en, zh, align(en, zh));
  REQUIRE(tsv.str() == read_file(std::string(ANCHORALIGN_SOURCE_DIR) + "/samples/expected.tsv"));
}

}  // namespace anchoralign

namespace anchoralign {

TEST_CASE("A passage the translation leaves out comes back as one bead per sentence", "[pipeline]") {
  struct Word {
    const char *en, *zh;
  };
  const std::vector<Word> nouns = {{"farmer", "农民"}, {"teacher", "老师"}, {"soldier", "士兵"},
                                   {"doctor", "医生"}, {"pilot", "飞行员"}, {"singer", "歌手"},
                                   {"painter", "画家"}, {"sailor", "水手"}, {"baker", "面包师"},
                                   {"judge", "法官"}, {"miner", "矿工"}, {"priest", "牧师"}};
  const std::vector<Word> places = {{"river", "河"}, {"temple", "寺庙"}, {"bridge", "桥"},
                                    {"harbour", "港口"}, {"forest", "森林"}, {"castle", "城堡"},
                                    {"station", "车站"}, {"garden", "花园"}, {"tower", "塔"},
                                    {"village", "村庄"}, {"mountain", "山"}, {"market", "市场"}};
  const std::string path =
      (std::filesystem::temp_directory_path() / "anchoralign_gap_test_lexicon.tsv").string();
  std::ofstream lexicon_file(path);
  std::string english, chinese;
  for (std::size_t k = 0; k < nouns.size(); ++k) {
    lexicon_file << nouns[k].zh << '\t' << nouns[k].en << "\t1\n" << places[k].zh << '\t' << places[k].en << "\t1\n";
    english += std::string("The ") + nouns[k].en + " waited near the old " + places[k].en + ". ";
    // The translation leaves sentences 4, 5 and 6 out.
    if (k < 4 || k > 6) chinese += std::string(nouns[k].zh) + "在" + places[k].zh + "附近等着。";
  }
  lexicon_file.close();
  AlignOptions options;
  options.lexicon = Lexicon::load({path});
  const SplitText en = split(decode_document(english, "en.txt"));
  const SplitText zh = split(decode_document(chinese, "zh.txt"));
  REQUIRE(en.sentences.size() == 12);
  REQUIRE(zh.sentences.size() == 9);
  const Alignment alignment = align(en, zh, options);
  require_complete(alignment, en.sentences.size(), zh.sentences.size());
  std::string shape;
  for (const Bead& bead : alignment) shape += std::to_string(bead.src_len) + std::to_string(bead.tgt_len) + " ";
  CHECK(shape == "11 11 11 11 10 10 10 11 11 11 11 11 ");
}

}  // namespace anchoralign
