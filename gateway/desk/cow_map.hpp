#pragma once
// A map whose copies share structure: the live state's users and calls (DESIGN.md "Threads").
//
// The desk publishes an immutable copy of its live state after every change. Copying a whole
// std::map of 10,000 users per CTI event made that copy the desk's entire cost (bench/RESULTS.md,
// issue 5). A CowMap splits its entries over `Shards` std::maps chosen by the key's hash, each
// held by a shared_ptr: copying a CowMap copies the shard pointers only (O(Shards)), and the
// first write to a shard that a copy also holds clones that one shard (O(entries / Shards)).
//
// Iteration order is unspecified: shard by shard, and by key within a shard. Code that needs an
// order (oldest call first, first user by loginId) must sort or choose explicitly.
//
// Thread safety, as the desk uses it: one writer owns a CowMap and mutates it; copies of it are
// handed to readers as immutable snapshots, which they may read, copy and release from any
// thread. References returned by the mutating accessors are valid until the next mutation of
// the same CowMap; writing through them after the CowMap has been copied would change the copy,
// so the writer must not keep them across a copy (the desk copies only between changes).
#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <utility>

namespace fgw::desk {

template <class Key, class Value, std::size_t Shards = 64>
class CowMap {
  static_assert(Shards > 0);
  using Shard = std::map<Key, Value>;
  using ShardPtr = std::shared_ptr<Shard>;  // null: an empty shard nobody has written to

 public:
  using key_type = Key;
  using mapped_type = Value;
  using value_type = typename Shard::value_type;  // std::pair<const Key, Value>
  using size_type = std::size_t;

  // Forward iteration over every entry, shard by shard. Read-only: writes go through the
  // mutating accessors, which know whether a shard must be cloned first.
  class const_iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = CowMap::value_type;
    using difference_type = std::ptrdiff_t;
    using pointer = const value_type*;
    using reference = const value_type&;

    const_iterator() = default;
    reference operator*() const { return *entry_; }
    pointer operator->() const { return &*entry_; }
    const_iterator& operator++() {
      if (++entry_ == (*shards_)[shard_]->end()) skip_to_next_entry(shard_ + 1);
      return *this;
    }
    const_iterator operator++(int) {
      auto before = *this;
      ++*this;
      return before;
    }
    // Past-the-end iterators are equal whatever their entry iterator (it is never read there).
    friend bool operator==(const const_iterator& a, const const_iterator& b) {
      return a.shard_ == b.shard_ && (a.shard_ == Shards || a.entry_ == b.entry_);
    }

   private:
    friend class CowMap;
    using Shard_iterator = typename Shard::const_iterator;
    const_iterator(const std::array<ShardPtr, Shards>* shards, std::size_t shard, Shard_iterator entry)
        : shards_(shards), shard_(shard), entry_(entry) {}
    // Positions on the first entry of the first non-empty shard from `shard` on, or at the end.
    void skip_to_next_entry(std::size_t shard) {
      for (shard_ = shard; shard_ < Shards; ++shard_) {
        const auto& candidate = (*shards_)[shard_];
        if (candidate && !candidate->empty()) {
          entry_ = candidate->begin();
          return;
        }
      }
    }

    const std::array<ShardPtr, Shards>* shards_ = nullptr;
    std::size_t shard_ = Shards;
    Shard_iterator entry_{};
  };
  using iterator = const_iterator;

  // ---- reads: never clone, safe on a shared snapshot from any thread ----

  const_iterator begin() const {
    const_iterator it(&shards_, 0, {});
    it.skip_to_next_entry(0);
    return it;
  }
  const_iterator end() const { return const_iterator(&shards_, Shards, {}); }

  const_iterator find(const Key& key) const {
    const auto index = shard_index(key);
    const auto& shard = shards_[index];
    if (!shard) return end();
    auto entry = shard->find(key);
    return entry == shard->end() ? end() : const_iterator(&shards_, index, entry);
  }
  const Value& at(const Key& key) const {
    auto it = find(key);
    if (it == end()) throw std::out_of_range("CowMap::at: no such key");
    return it->second;
  }
  bool contains(const Key& key) const { return find(key) != end(); }
  size_type count(const Key& key) const { return contains(key) ? 1 : 0; }

  // O(Shards): the shards' own sizes are the only count kept, so that copies stay O(Shards).
  size_type size() const {
    size_type total = 0;
    for (const auto& shard : shards_)
      if (shard) total += shard->size();
    return total;
  }
  bool empty() const { return size() == 0; }

  // Same keys with equal values. The same key lives in the same shard of either map, so shards
  // compare pairwise, and a shard both still share is equal without looking inside.
  friend bool operator==(const CowMap& a, const CowMap& b) {
    for (std::size_t i = 0; i < Shards; ++i) {
      const auto& x = a.shards_[i];
      const auto& y = b.shards_[i];
      if (x == y) continue;
      const bool x_empty = !x || x->empty();
      const bool y_empty = !y || y->empty();
      if (x_empty != y_empty) return false;
      if (!x_empty && *x != *y) return false;
    }
    return true;
  }

  // ---- writes: the writer only; each clones the key's shard first when a copy shares it ----

  template <class... Args>
  std::pair<Value&, bool> try_emplace(const Key& key, Args&&... args) {
    auto [entry, added] = writable_shard(shard_index(key)).try_emplace(key, std::forward<Args>(args)...);
    return {entry->second, added};
  }
  Value& operator[](const Key& key) { return try_emplace(key).first; }

  // The entry to change in place, or null when there is none (nothing is cloned then).
  Value* find_mutable(const Key& key) {
    if (!contains(key)) return nullptr;
    return &writable_shard(shard_index(key)).find(key)->second;
  }

  size_type erase(const Key& key) {
    if (!contains(key)) return 0;
    return writable_shard(shard_index(key)).erase(key);
  }

  // Removes the entry and hands its value over (moved out of the now unshared shard).
  std::optional<Value> take(const Key& key) {
    if (!contains(key)) return std::nullopt;
    auto& shard = writable_shard(shard_index(key));
    auto entry = shard.find(key);
    std::optional<Value> value(std::move(entry->second));
    shard.erase(entry);
    return value;
  }

 private:
  static std::size_t shard_index(const Key& key) {
    // std::hash of an integer is the identity in libstdc++: call ids that share their low bits
    // would crowd one shard. A Fibonacci multiply spreads every bit of the hash over the top.
    const std::uint64_t mixed = static_cast<std::uint64_t>(std::hash<Key>{}(key)) * 0x9E3779B97F4A7C15ull;
    return static_cast<std::size_t>(mixed >> 32) % Shards;
  }

  // The shard, made exclusive to this CowMap.
  //
  // use_count() == 1 means no copy (no snapshot) holds the shard any more, and none can start
  // to: a new reference to a shard is only ever made by copying a CowMap that already holds it,
  // and the only CowMap holding this one is the writer's own, which only the writer copies (under
  // the desk's writer lock, between changes). Readers copying their snapshot copy the snapshot's
  // shards, which then have use_count() >= 2. So an exclusive shard stays exclusive while the
  // writer changes it.
  //
  // use_count() is a relaxed load. The reader that released the last other reference did so
  // with a release decrement; the acquire fence after seeing 1 makes that reader's earlier reads
  // of the shard happen before the writes below, so a late reader never sees them.
  Shard& writable_shard(std::size_t index) {
    auto& shard = shards_[index];
    if (!shard) {
      shard = std::make_shared<Shard>();
    } else if (shard.use_count() != 1) {
      shard = std::make_shared<Shard>(*shard);
    } else {
      std::atomic_thread_fence(std::memory_order_acquire);
    }
    return *shard;
  }

  std::array<ShardPtr, Shards> shards_{};
};

}  // namespace fgw::desk
