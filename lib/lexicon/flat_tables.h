// Flat tables for the lexicon: strings with dense ids and a map of 64-bit keys, each a few
// plain arrays with no allocation per element, so that the lexicon cache can write them out
// and read them back as they are (lexicon_cache.cpp). Tested by lexicon_test.cpp.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace anchoralign::detail {

// A 64-bit hash of bytes, 8 at a time. Part of the lexicon cache format, since the tables
// store positions derived from it: changing it means bumping kLexiconCacheVersion.
inline std::uint64_t mix64(std::uint64_t x) {
  x ^= x >> 32;
  x *= 0xd6e8feb86659fd93ULL;
  x ^= x >> 32;
  x *= 0xd6e8feb86659fd93ULL;
  return x ^ (x >> 32);
}

inline std::uint64_t hash_bytes(std::string_view bytes, std::uint64_t seed = 0) {
  std::uint64_t h = seed ^ (0x9e3779b97f4a7c15ULL * (bytes.size() + 1));
  std::size_t pos = 0;
  for (; pos + 8 <= bytes.size(); pos += 8) {
    std::uint64_t word;
    std::memcpy(&word, bytes.data() + pos, 8);
    h = (h ^ word) * 0x9fb21c651e98df25ULL;
    h ^= h >> 29;
  }
  std::uint64_t tail = 0;
  if (pos < bytes.size()) std::memcpy(&tail, bytes.data() + pos, bytes.size() - pos);
  return mix64(h ^ tail);
}

// A checksum of a large buffer: hash_bytes() over four interleaved lanes, about four times
// faster on the megabytes of a lexicon cache.
std::uint64_t checksum_bytes(std::string_view bytes);

// Appends arrays to a byte buffer: each as its element count (8 bytes) and its bytes.
class ByteWriter {
 public:
  template <typename T>
  void put(const std::vector<T>& values) {
    static_assert(std::is_trivially_copyable_v<T>);
    put_bytes(values.data(), values.size(), sizeof(T));
  }
  void put(const std::string& text) { put_bytes(text.data(), text.size(), 1); }
  std::string& bytes() { return bytes_; }

 private:
  void put_bytes(const void* data, std::size_t count, std::size_t size);
  std::string bytes_;
};

// Reads what ByteWriter wrote; every get() checks the bounds and returns false past them.
class ByteReader {
 public:
  explicit ByteReader(std::string_view bytes) : bytes_(bytes) {}
  template <typename T>
  bool get(std::vector<T>* values) {
    static_assert(std::is_trivially_copyable_v<T>);
    std::size_t count = 0;
    if (!get_count(sizeof(T), &count)) return false;
    values->resize(count);
    if (count > 0) std::memcpy(values->data(), bytes_.data() + pos_, count * sizeof(T));
    pos_ += count * sizeof(T);
    return true;
  }
  bool get(std::string* text);
  bool at_end() const { return pos_ == bytes_.size(); }

 private:
  bool get_count(std::size_t size, std::size_t* count);
  std::string_view bytes_;
  std::size_t pos_ = 0;
};

// Strings with ids 0, 1, ... in insertion order, stored end to end, with an open-addressing
// index (load factor at most 1/2) over their hashes.
class StringTable {
 public:
  // The id of `text`, -1 when absent.
  std::int32_t find(std::string_view text) const {
    if (slots_.empty()) return -1;
    const std::uint64_t hash = hash_bytes(text);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
      const std::uint64_t entry = slots_[slot];
      if (entry == 0) return -1;
      const auto id = static_cast<std::int32_t>((entry & 0xffffffffu) - 1);
      if ((entry >> 32) == (hash >> 32) && view(id) == text) return id;
    }
  }

  // The id of `text`, added when new.
  std::int32_t insert(std::string_view text);

  std::string_view view(std::int32_t id) const {
    const auto k = static_cast<std::size_t>(id);
    return std::string_view(bytes_).substr(ends_[k], ends_[k + 1] - ends_[k]);
  }
  std::int32_t size() const { return static_cast<std::int32_t>(ends_.size() - 1); }
  void reserve(std::size_t count, std::size_t bytes);

  void save(ByteWriter& out) const;
  // Reads what save() wrote; false (the table left unusable) when the arrays are malformed
  // in a way that could make a lookup read out of bounds or loop forever.
  bool restore(ByteReader& in);

 private:
  void place(std::uint64_t hash, std::int32_t id);
  void grow();

  std::string bytes_;
  std::vector<std::uint32_t> ends_{0};  // string i is bytes_[ends_[i], ends_[i + 1])
  std::vector<std::uint64_t> slots_;    // (hash >> 32) << 32 | (id + 1); 0 is free
};

// Upper bounds by 64-bit key in a fixed array of slots, each the largest value of the keys
// that share it: a bound for a key is never below the key's own largest value, and is only
// looser than it when another key shares the slot. 512 KiB, against 2.5 MiB for an exact map
// of CC-CEDICT's two-character starts, at the price of a few wasted lookups.
class BoundTable {
 public:
  static constexpr std::size_t kSlots = std::size_t{1} << 18;

  // At least the largest value raised for `key`; 0 when no key of its slot was raised.
  std::uint16_t find(std::uint64_t key) const {
    return slots_.empty() ? 0 : slots_[mix64(key) & (kSlots - 1)];
  }
  void raise(std::uint64_t key, std::uint16_t value);

  void save(ByteWriter& out) const { out.put(slots_); }
  bool restore(ByteReader& in) {
    return in.get(&slots_) && (slots_.empty() || slots_.size() == kSlots);
  }

 private:
  std::vector<std::uint16_t> slots_;  // allocated by the first raise()
};

}  // namespace anchoralign::detail
