#include <gtest/gtest.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

#include "config/config_store.hpp"
#include "config/default_layout.hpp"

namespace fgw::config {
namespace {

class StoreTest : public ::testing::Test {
 protected:
  StoreTest() {
    std::string pattern = (std::filesystem::temp_directory_path() / "fgw-store-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    dir_ = pattern;
  }
  ~StoreTest() override {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  std::string db_path() const { return (dir_ / "finesse.db").string(); }
  std::string key_path() const { return (dir_ / "finesse.key").string(); }
  std::unique_ptr<ConfigStore> open() const { return ConfigStore::open(db_path(), key_path()); }

  // Runs SQL on the database through a connection of its own, as an outside tool would.
  void sql(const char* statement) const {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(db_path().c_str(), &db), SQLITE_OK);
    char* error = nullptr;
    const int rc = sqlite3_exec(db, statement, nullptr, nullptr, &error);
    const std::string message = error ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    ASSERT_EQ(rc, SQLITE_OK) << message;
  }

  std::string query_text(const char* statement) const {
    sqlite3* db = nullptr;
    sqlite3_open(db_path().c_str(), &db);
    sqlite3_stmt* stmt = nullptr;
    std::string value;
    if (sqlite3_prepare_v2(db, statement, -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
      value = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return value;
  }

  std::string all_database_bytes() const {
    std::string bytes;
    for (const auto& entry : std::filesystem::directory_iterator(dir_)) {
      if (entry.path().filename().string().rfind("finesse.db", 0) != 0) continue;  // .db, -wal, -shm
      std::ifstream in(entry.path(), std::ios::binary);
      bytes.append(std::istreambuf_iterator<char>(in), {});
    }
    return bytes;
  }

  std::filesystem::path dir_;
};

TEST_F(StoreTest, DefaultsOnAFreshDatabase) {
  auto store = open();
  EXPECT_EQ(store->schema_version(), 1);
  const auto cti = store->system_config();
  EXPECT_EQ(cti.host, "localhost");
  EXPECT_EQ(cti.port, 42027);
  EXPECT_EQ(cti.peripheral_id, 5000);
  EXPECT_FALSE(cti.backup_host.has_value());
  EXPECT_EQ(store->cluster_config().secondary_host, "");
  EXPECT_EQ(store->enterprise_database_config().host, "");
  EXPECT_FALSE(store->enterprise_database_config().port.has_value());
  EXPECT_EQ(store->layout_xml(), default_layout_xml());
  EXPECT_NE(store->layout_xml().find("<role>Supervisor</role>"), std::string::npos);
  EXPECT_TRUE(store->media_properties_layout().columns.empty());
  EXPECT_TRUE(store->reason_codes(ReasonCategory::NotReady).empty());
  EXPECT_TRUE(store->wrap_up_reasons().empty());
}

TEST_F(StoreTest, UsesWalAndRecordsTheSchemaVersion) {
  open();
  EXPECT_EQ(query_text("PRAGMA journal_mode"), "wal");
  EXPECT_EQ(query_text("SELECT version FROM schema_version"), "1");
}

TEST_F(StoreTest, ReopeningAppliesNoMigrationTwice) {
  open()->create_wrap_up_reason({0, "Kept", true});
  auto store = open();  // migration 1 would fail with "table exists" if it ran again
  EXPECT_EQ(store->schema_version(), 1);
  EXPECT_EQ(store->wrap_up_reasons().size(), 1u);
}

TEST_F(StoreTest, RefusesADatabaseFromANewerBuild) {
  open();
  sql("UPDATE schema_version SET version = 99");
  EXPECT_THROW(open(), StoreFailure);
}

TEST_F(StoreTest, EverythingPersistsAcrossReopen) {
  ReasonCode rc{};
  {
    auto store = open();
    store->set_system_config({"cti-a", 42030, "cti-b", 42031, 7});
    store->set_cluster_config({"node2"});
    store->set_enterprise_database_config({"aw1", "aw2", 1433, "awdb", "example.com", "sa", "pw"});
    store->set_layout_xml("<finesseLayout/>");
    rc = store->create_reason_code({0, ReasonCategory::Logout, 7, "Gone", false});
    store->create_wrap_up_reason({0, "Sale", true});
    store->set_media_properties_layout({MediaPropertyEntry{"H", "callVariable1"}, {{}, {{"A", "user.a"}, {"B", "callVariable2"}}}});
  }
  auto store = open();
  const auto cti = store->system_config();
  EXPECT_EQ(cti.host, "cti-a");
  EXPECT_EQ(cti.port, 42030);
  EXPECT_EQ(cti.backup_host, "cti-b");
  EXPECT_EQ(cti.backup_port, 42031);
  EXPECT_EQ(cti.peripheral_id, 7);
  EXPECT_EQ(store->cluster_config().secondary_host, "node2");
  const auto db = store->enterprise_database_config();
  EXPECT_EQ(db.backup_host, "aw2");
  EXPECT_EQ(db.port, 1433);
  EXPECT_EQ(db.password, "pw");
  EXPECT_EQ(store->layout_xml(), "<finesseLayout/>");
  const auto reloaded = store->reason_code(rc.id);
  ASSERT_TRUE(reloaded);
  EXPECT_EQ(reloaded->label, "Gone");
  EXPECT_EQ(reloaded->category, ReasonCategory::Logout);
  EXPECT_FALSE(reloaded->for_all);
  EXPECT_EQ(store->wrap_up_reasons().at(0).label, "Sale");
  const auto media = store->media_properties_layout();
  ASSERT_TRUE(media.header);
  EXPECT_EQ(media.header->media_property, "callVariable1");
  ASSERT_EQ(media.columns.size(), 2u);
  EXPECT_TRUE(media.columns[0].empty());
  ASSERT_EQ(media.columns[1].size(), 2u);
  EXPECT_EQ(media.columns[1][0].display_name, "A");
  EXPECT_EQ(media.columns[1][1].media_property, "callVariable2");
}

TEST_F(StoreTest, PasswordIsEncryptedAtRest) {
  const std::string password = "Very-Distinctive-Password-91";
  {
    auto store = open();
    store->set_enterprise_database_config({"aw1", "", 1433, "awdb", "example.com", "sa", password});
    store->set_enterprise_database_config({"aw1", "", 1433, "awdb", "example.com", "sa", password});
  }
  const auto bytes = all_database_bytes();
  ASSERT_NE(bytes.find("awdb"), std::string::npos);  // the file was read: other fields are plain
  EXPECT_EQ(bytes.find(password), std::string::npos);
  EXPECT_EQ(open()->enterprise_database_config().password, password);
}

TEST_F(StoreTest, EachWriteUsesAFreshNonce) {
  auto store = open();
  store->set_enterprise_database_config({"aw1", "", 1433, "awdb", "d", "sa", "same"});
  const auto first = query_text("SELECT hex(password_sealed) FROM enterprise_database_config");
  store->set_enterprise_database_config({"aw1", "", 1433, "awdb", "d", "sa", "same"});
  EXPECT_NE(query_text("SELECT hex(password_sealed) FROM enterprise_database_config"), first);
}

TEST_F(StoreTest, KeyFileIsCreatedPrivateAndChecked) {
  open();
  struct stat info {};
  ASSERT_EQ(stat(key_path().c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600);
  EXPECT_EQ(info.st_size, 32);
  std::filesystem::resize_file(key_path(), 31);
  EXPECT_THROW(open(), StoreFailure);
}

TEST_F(StoreTest, AnotherKeyCannotOpenTheSecrets) {
  open()->set_enterprise_database_config({"aw1", "", 1433, "awdb", "d", "sa", "pw"});
  std::filesystem::remove(key_path());
  EXPECT_THROW(open(), StoreFailure);  // a fresh key is created, and it does not open the box
}

TEST_F(StoreTest, ReasonCodeUniquenessIsAConflict) {
  auto store = open();
  const auto first = store->create_reason_code({0, ReasonCategory::NotReady, 10, "Meeting", true});
  EXPECT_THROW(store->create_reason_code({0, ReasonCategory::NotReady, 10, "Meeting", false}), StoreConflict);
  store->create_reason_code({0, ReasonCategory::Logout, 10, "Meeting", true});
  const auto other = store->create_reason_code({0, ReasonCategory::NotReady, 11, "Meeting", true});
  auto clash = other;
  clash.code = 10;
  EXPECT_THROW(store->update_reason_code(clash), StoreConflict);
  EXPECT_EQ(store->reason_code(other.id)->code, 11);  // the cache kept the old value
  EXPECT_EQ(open()->reason_code(other.id)->code, 11);  // and so did the database
  EXPECT_NE(first.id, other.id);
}

TEST_F(StoreTest, WrapUpLabelUniquenessIsAConflict) {
  auto store = open();
  store->create_wrap_up_reason({0, "Sale", true});
  EXPECT_THROW(store->create_wrap_up_reason({0, "Sale", false}), StoreConflict);
  EXPECT_EQ(store->wrap_up_reasons().size(), 1u);
}

TEST_F(StoreTest, DeletedIdsAreNotReused) {
  auto store = open();
  const auto first = store->create_wrap_up_reason({0, "A", true});
  EXPECT_TRUE(store->delete_wrap_up_reason(first.id));
  EXPECT_FALSE(store->delete_wrap_up_reason(first.id));
  EXPECT_GT(store->create_wrap_up_reason({0, "B", true}).id, first.id);
}

TEST_F(StoreTest, FailedMultiStatementWriteRollsBackEverything) {
  auto store = open();
  const MediaPropertiesLayout original{std::nullopt, {{{"Old", "callVariable1"}}}};
  store->set_media_properties_layout(original);
  // The layout row and the old entries are written before the new entries; the trigger fails the
  // second new entry, so a partial write would be visible if the transaction did not roll back.
  sql("CREATE TRIGGER refuse BEFORE INSERT ON media_properties_entry WHEN NEW.position = 1 "
      "BEGIN SELECT RAISE(ABORT, 'refused'); END;");
  const MediaPropertiesLayout replacement{MediaPropertyEntry{"H", "callVariable9"},
                                          {{{"New1", "callVariable2"}, {"New2", "callVariable3"}}, {}}};
  EXPECT_THROW(store->set_media_properties_layout(replacement), StoreFailure);
  EXPECT_EQ(store->media_properties_layout().columns.at(0).at(0).display_name, "Old");
  sql("DROP TRIGGER refuse");
  const auto reopened = open()->media_properties_layout();
  ASSERT_EQ(reopened.columns.size(), 1u);
  EXPECT_EQ(reopened.columns[0].at(0).display_name, "Old");
  EXPECT_FALSE(reopened.header.has_value());
}

TEST_F(StoreTest, CacheFollowsEveryWrite) {
  auto store = open();
  auto rc = store->create_reason_code({0, ReasonCategory::NotReady, 1, "One", true});
  rc.label = "Uno";
  store->update_reason_code(rc);
  EXPECT_EQ(store->reason_code(rc.id)->label, "Uno");
  EXPECT_EQ(store->reason_codes(ReasonCategory::NotReady).size(), 1u);
  EXPECT_TRUE(store->reason_codes(ReasonCategory::Logout).empty());
  EXPECT_TRUE(store->delete_reason_code(rc.id));
  EXPECT_FALSE(store->reason_code(rc.id).has_value());
}

// GETs are served from memory: a row removed behind the store's back is still answered from the
// cache, which only the store's own writes replace.
TEST_F(StoreTest, ReadsDoNotTouchTheDatabase) {
  auto store = open();
  store->create_wrap_up_reason({0, "Cached", true});
  sql("DELETE FROM wrap_up_reason");
  ASSERT_EQ(store->wrap_up_reasons().size(), 1u);
  EXPECT_EQ(store->wrap_up_reasons().at(0).label, "Cached");
  EXPECT_TRUE(open()->wrap_up_reasons().empty());
}

TEST_F(StoreTest, ConcurrentWritersAndReadersStayConsistent) {
  auto store = open();
  constexpr int kPerThread = 25;
  std::vector<std::thread> threads;
  for (int t = 0; t < 2; ++t) {
    threads.emplace_back([&store, t] {
      for (int i = 0; i < kPerThread; ++i)
        store->create_wrap_up_reason({0, "t" + std::to_string(t) + "-" + std::to_string(i), true});
    });
  }
  threads.emplace_back([&store] {
    for (int i = 0; i < 200; ++i) ASSERT_LE(store->wrap_up_reasons().size(), size_t{2 * kPerThread});
  });
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(store->wrap_up_reasons().size(), size_t{2 * kPerThread});
  EXPECT_EQ(open()->wrap_up_reasons().size(), size_t{2 * kPerThread});
}

}  // namespace
}  // namespace fgw::config
