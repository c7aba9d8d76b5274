// CowMap: copies share shards, writes clone only the shard they touch, and a reader holding an
// old copy never sees the writer's later changes.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "gateway/desk/cow_map.hpp"

namespace fgw::desk::test {
namespace {

using Map = CowMap<std::uint32_t, std::string, 8>;

Map numbered(std::uint32_t count) {
  Map map;
  for (std::uint32_t i = 0; i < count; ++i) map[i] = "v" + std::to_string(i);
  return map;
}

TEST(CowMap, ACopySharesEveryEntryUntilWrittenTo) {
  const Map original = numbered(100);
  const Map copy = original;  // NOLINT(performance-unnecessary-copy-initialization): the copy is the point
  for (std::uint32_t i = 0; i < 100; ++i) EXPECT_EQ(&original.at(i), &copy.at(i)) << i;
  EXPECT_TRUE(original == copy);
}

TEST(CowMap, AWriteClonesItsShardAndLeavesTheCopyAlone) {
  Map writer = numbered(100);
  const Map snapshot = writer;
  *writer.find_mutable(7) = "changed";
  writer[1000] = "added";

  EXPECT_EQ(writer.at(7), "changed");
  EXPECT_EQ(snapshot.at(7), "v7");
  EXPECT_FALSE(snapshot.contains(1000));
  EXPECT_EQ(snapshot.size(), 100u);
  EXPECT_EQ(writer.size(), 101u);
  EXPECT_FALSE(writer == snapshot);
  EXPECT_NE(&writer.at(7), &snapshot.at(7));

  // With 8 shards, 100 entries: most keys are in a shard the two writes did not clone.
  int still_shared = 0;
  for (std::uint32_t i = 0; i < 100; ++i) still_shared += &writer.at(i) == &snapshot.at(i);
  EXPECT_GT(still_shared, 0);
  EXPECT_LT(still_shared, 100);
}

TEST(CowMap, AWriteToAnUnsharedShardChangesItInPlace) {
  Map map = numbered(10);
  const std::string* before = &map.at(3);
  *map.find_mutable(3) = "again";
  EXPECT_EQ(&map.at(3), before);
  EXPECT_EQ(map.at(3), "again");
}

TEST(CowMap, MissesNeitherInsertNorClone) {
  Map writer = numbered(10);
  const Map snapshot = writer;
  EXPECT_EQ(writer.find_mutable(99), nullptr);
  EXPECT_EQ(writer.erase(99), 0u);
  EXPECT_FALSE(writer.take(99));
  EXPECT_EQ(writer.size(), 10u);
  for (std::uint32_t i = 0; i < 10; ++i) EXPECT_EQ(&writer.at(i), &snapshot.at(i));
  EXPECT_THROW(static_cast<void>(writer.at(99)), std::out_of_range);
}

TEST(CowMap, EraseAndTakeRemoveFromTheWriterOnly) {
  Map writer = numbered(10);
  const Map snapshot = writer;
  EXPECT_EQ(writer.erase(4), 1u);
  auto taken = writer.take(5);
  ASSERT_TRUE(taken);
  EXPECT_EQ(*taken, "v5");

  EXPECT_FALSE(writer.contains(4));
  EXPECT_EQ(writer.count(5), 0u);
  EXPECT_EQ(writer.size(), 8u);
  EXPECT_EQ(snapshot.at(4), "v4");
  EXPECT_EQ(snapshot.at(5), "v5");
  EXPECT_EQ(snapshot.size(), 10u);
}

TEST(CowMap, TryEmplaceTellsWhetherItAdded) {
  Map map;
  EXPECT_TRUE(map.empty());
  auto [added_value, added] = map.try_emplace(1, "one");
  EXPECT_TRUE(added);
  EXPECT_EQ(added_value, "one");
  auto [existing_value, added_again] = map.try_emplace(1, "uno");
  EXPECT_FALSE(added_again);
  existing_value += "!";
  EXPECT_EQ(map.at(1), "one!");
  EXPECT_FALSE(map.empty());
}

TEST(CowMap, IterationVisitsEveryEntryOnce) {
  Map map = numbered(1000);
  map.erase(500);
  std::set<std::uint32_t> seen;
  std::size_t visits = 0;
  for (const auto& [key, value] : map) {
    EXPECT_EQ(value, "v" + std::to_string(key));
    seen.insert(key);
    ++visits;
  }
  EXPECT_EQ(visits, 999u);
  EXPECT_EQ(seen.size(), 999u);
  EXPECT_FALSE(seen.count(500));
  EXPECT_EQ(Map{}.begin(), Map{}.end());
}

TEST(CowMap, FindPointsAtTheEntry) {
  const CowMap<std::string, int> map = [] {
    CowMap<std::string, int> m;
    m["a"] = 1;
    m["b"] = 2;
    return m;
  }();
  auto it = map.find("b");
  ASSERT_NE(it, map.end());
  EXPECT_EQ(it->first, "b");
  EXPECT_EQ(it->second, 2);
  EXPECT_EQ(map.find("c"), map.end());
}

TEST(CowMap, EqualityIsByContentNotBySharing) {
  Map a = numbered(20);
  Map b = numbered(20);  // built separately: no shard in common
  EXPECT_TRUE(a == b);
  b[3] = "other";
  EXPECT_FALSE(a == b);
  b[3] = "v3";
  EXPECT_TRUE(a == b);
  b.erase(3);
  EXPECT_FALSE(a == b);
}

// The desk's pattern: one writer mutates and publishes copies through an atomic shared_ptr. The
// reader takes each published copy, keeps several alive, checks that each still holds exactly
// what it held when published, then drops them. While any copy is alive the writer must clone
// the shard it writes to; every kPauseEvery generations it waits until the reader has dropped
// every copy, so that its next writes go to shards it owns alone again (use_count() back to 1),
// in place. That wait uses relaxed atomics on purpose: the only ordering between the reader's
// last reads of a shard and the writer's in-place writes is then the one CowMap provides.
using Generation = CowMap<std::uint32_t, std::uint64_t, 16>;
using Published = std::pair<std::uint64_t, Generation>;  // generation number, the map as of then
constexpr std::uint32_t kKeys = 256;

// Generation g writes key g % kKeys := g * kKeys + key, so every copy can be checked on its own.
std::uint64_t value_written(std::uint64_t generation) { return generation * kKeys + generation % kKeys; }

bool holds_its_generation(const Published& copy) {
  const auto& [generation, map] = copy;
  std::uint32_t entries = 0;
  for (const auto& [key, value] : map) {
    ++entries;
    if (value % kKeys != key || value / kKeys > generation) return false;  // a later write shows
  }
  return entries == kKeys && (generation == 0 || map.at(generation % kKeys) == value_written(generation));
}

TEST(CowMap, ReadersHoldingOldCopiesNeverSeeLaterWrites) {
  constexpr std::uint64_t kGenerations = 20000;
  constexpr std::uint64_t kPauseEvery = 64;
  Generation writer;
  for (std::uint32_t key = 0; key < kKeys; ++key) writer[key] = key;
  std::atomic<std::shared_ptr<const Published>> published{std::make_shared<const Published>(0, writer)};
  std::atomic<bool> done{false};
  std::atomic<std::uint64_t> released_through{0};  // the newest generation the reader dropped
  std::atomic<std::uint64_t> checked{0}, wrong{0};

  std::thread reader([&] {
    std::vector<std::shared_ptr<const Published>> held;
    const auto check_and_release = [&] {
      if (held.empty()) return;
      for (const auto& copy : held) (holds_its_generation(*copy) ? checked : wrong).fetch_add(1);
      const auto newest = held.back()->first;
      held.clear();
      released_through.store(newest, std::memory_order_relaxed);
    };
    for (;;) {
      const bool finished = done.load();  // before the exchange: then the last copy is taken too
      if (auto copy = published.exchange(nullptr)) {
        held.push_back(std::move(copy));
        if (held.size() >= 8) check_and_release();
      } else if (finished) {
        break;
      } else {
        check_and_release();  // nothing new: let the writer own its shards again
        std::this_thread::yield();
      }
    }
    check_and_release();
  });

  std::uint64_t in_place = 0;
  for (std::uint64_t generation = 1; generation <= kGenerations; ++generation) {
    if (generation % kPauseEvery == 0)
      while (released_through.load(std::memory_order_relaxed) < generation - 1) std::this_thread::yield();
    const auto key = static_cast<std::uint32_t>(generation % kKeys);
    const auto* before = &writer.at(key);
    *writer.find_mutable(key) = value_written(generation);
    in_place += &writer.at(key) == before;
    published.store(std::make_shared<const Published>(generation, writer));
  }
  done = true;
  reader.join();

  EXPECT_EQ(wrong.load(), 0u);
  EXPECT_GT(checked.load(), 0u);
  EXPECT_GT(in_place, 0u) << "the pauses leave the writer the only owner of its shards";
  EXPECT_LT(in_place, kGenerations) << "a published copy shares every shard";
  EXPECT_EQ(writer.at(kGenerations % kKeys), value_written(kGenerations));
}

}  // namespace
}  // namespace fgw::desk::test
