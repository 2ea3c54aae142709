#include "lexicon/flat_tables.h"

#include <algorithm>
#include <cassert>

namespace anchoralign::detail {
namespace {

bool is_power_of_two(std::size_t n) { return n > 0 && (n & (n - 1)) == 0; }

}  // namespace

void ByteWriter::put_bytes(const void* data, std::size_t count, std::size_t size) {
  const auto count64 = static_cast<std::uint64_t>(count);
  bytes_.append(reinterpret_cast<const char*>(&count64), sizeof count64);
  if (count > 0) bytes_.append(static_cast<const char*>(data), count * size);
}

bool ByteReader::get_count(std::size_t size, std::size_t* count) {
  std::uint64_t count64 = 0;
  if (bytes_.size() - pos_ < sizeof count64) return false;
  std::memcpy(&count64, bytes_.data() + pos_, sizeof count64);
  pos_ += sizeof count64;
  if (count64 > (bytes_.size() - pos_) / size) return false;
  *count = static_cast<std::size_t>(count64);
  return true;
}

bool ByteReader::get(std::string* text) {
  std::size_t count = 0;
  if (!get_count(1, &count)) return false;
  text->assign(bytes_.data() + pos_, count);
  pos_ += count;
  return true;
}

std::int32_t StringTable::insert(std::string_view text) {
  if (const std::int32_t id = find(text); id >= 0) return id;
  const std::int32_t id = size();
  bytes_.append(text);
  ends_.push_back(static_cast<std::uint32_t>(bytes_.size()));
  if (2 * ends_.size() > slots_.size()) {
    grow();  // places every string, the new one included
  } else {
    place(hash_bytes(text), id);
  }
  return id;
}

void StringTable::reserve(std::size_t count, std::size_t bytes) {
  bytes_.reserve(bytes);
  ends_.reserve(count + 1);
}

void StringTable::place(std::uint64_t hash, std::int32_t id) {
  const std::size_t mask = slots_.size() - 1;
  std::size_t slot = hash & mask;
  while (slots_[slot] != 0) slot = (slot + 1) & mask;
  slots_[slot] = (hash >> 32 << 32) | static_cast<std::uint32_t>(id + 1);
}

void StringTable::grow() {
  std::size_t capacity = std::max<std::size_t>(16, slots_.size());
  while (capacity < 2 * ends_.size()) capacity *= 2;
  slots_.assign(capacity, 0);
  for (std::int32_t id = 0; id < size(); ++id) place(hash_bytes(view(id)), id);
}

void StringTable::save(ByteWriter& out) const {
  out.put(bytes_);
  out.put(ends_);
  out.put(slots_);
}

bool StringTable::restore(ByteReader& in) {
  if (!in.get(&bytes_) || !in.get(&ends_) || !in.get(&slots_)) return false;
  if (ends_.empty() || ends_.front() != 0 || ends_.back() != bytes_.size() ||
      !std::is_sorted(ends_.begin(), ends_.end())) {
    return false;
  }
  if (slots_.empty()) return ends_.size() == 1;
  // Ids in range and a free slot, so that probing stops and reads stay in bounds.
  if (!is_power_of_two(slots_.size()) || slots_.size() < 2 * ends_.size() - 1) return false;
  const std::uint64_t strings = ends_.size() - 1;
  std::uint64_t used = 0;
  for (const std::uint64_t entry : slots_) {
    if (entry == 0) continue;
    if ((entry & 0xffffffffu) - 1 >= strings) return false;
    ++used;
  }
  return used == strings;
}

void BoundTable::raise(std::uint64_t key, std::uint16_t value) {
  if (slots_.empty()) slots_.assign(kSlots, 0);
  std::uint16_t& slot = slots_[mix64(key) & (kSlots - 1)];
  slot = std::max(slot, value);
}

std::uint64_t checksum_bytes(std::string_view bytes) {
  constexpr std::size_t kLanes = 4;
  std::uint64_t lanes[kLanes] = {1, 2, 3, 4};
  std::size_t pos = 0;
  for (; pos + 8 * kLanes <= bytes.size(); pos += 8 * kLanes) {
    for (std::size_t k = 0; k < kLanes; ++k) {
      std::uint64_t word;
      std::memcpy(&word, bytes.data() + pos + 8 * k, 8);
      lanes[k] = (lanes[k] ^ word) * 0x9fb21c651e98df25ULL;
      lanes[k] ^= lanes[k] >> 29;
    }
  }
  std::uint64_t hash = hash_bytes(bytes.substr(pos), bytes.size());
  for (const std::uint64_t lane : lanes) hash = mix64(hash ^ lane) + 0x9e3779b97f4a7c15ULL;
  return hash;
}

}  // namespace anchoralign::detail
