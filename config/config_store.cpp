#include "config/config_store.hpp"

#include <algorithm>
#include <mutex>
#include <shared_mutex>

#include "config/default_layout.hpp"
#include "config/sqlite_db.hpp"
#include "config/store_crypto.hpp"
#include "config/store_migrations.hpp"

namespace fgw::config {

const char* to_string(ReasonCategory c) {
  switch (c) {
    case ReasonCategory::NotReady: return "NOT_READY";
    case ReasonCategory::Logout: return "LOGOUT";
  }
  return "NOT_READY";
}

std::optional<ReasonCategory> parse_reason_category(std::string_view s) {
  if (s == "NOT_READY") return ReasonCategory::NotReady;
  if (s == "LOGOUT") return ReasonCategory::Logout;
  return std::nullopt;
}

namespace {

// Everything the store holds, as one immutable value: readers share it, writers replace it.
struct Snapshot {
  CtiServerConfig system;
  ClusterConfig cluster;
  EnterpriseDatabaseConfig database;
  std::string layout_xml = default_layout_xml();
  std::vector<ReasonCode> reason_codes;  // ordered by id
  std::vector<WrapUpReason> wrap_up_reasons;  // ordered by id
  MediaPropertiesLayout media_layout;
};

void configure_connection(sqlite::Database& db) {
  auto journal = db.prepare("PRAGMA journal_mode=WAL");
  if (!journal.step() || journal.text(0) != "wal")
    throw StoreFailure("the configuration database cannot use WAL journaling");
  // FULL: a commit is on disk before the API answers 200.
  db.execute("PRAGMA synchronous=FULL");
  db.execute("PRAGMA foreign_keys=ON");
}

// --- Reading the database into a Snapshot --------------------------------------------------------

void load_system_config(sqlite::Database& db, CtiServerConfig& out) {
  auto row = db.prepare("SELECT host, port, backup_host, backup_port, peripheral_id FROM system_config");
  if (!row.step()) return;
  out.host = row.text(0);
  out.port = static_cast<uint16_t>(row.integer(1));
  if (!row.is_null(2)) out.backup_host = row.text(2);
  if (!row.is_null(3)) out.backup_port = static_cast<uint16_t>(row.integer(3));
  out.peripheral_id = static_cast<int>(row.integer(4));
}

void load_cluster_config(sqlite::Database& db, ClusterConfig& out) {
  auto row = db.prepare("SELECT secondary_host FROM cluster_config");
  if (row.step()) out.secondary_host = row.text(0);
}

void load_database_config(sqlite::Database& db, const SecretBox& box, EnterpriseDatabaseConfig& out) {
  auto row = db.prepare(
      "SELECT host, backup_host, port, database_name, domain, username, password_sealed "
      "FROM enterprise_database_config");
  if (!row.step()) return;
  out.host = row.text(0);
  out.backup_host = row.text(1);
  if (!row.is_null(2)) out.port = static_cast<uint16_t>(row.integer(2));
  out.database_name = row.text(3);
  out.domain = row.text(4);
  out.username = row.text(5);
  out.password = box.open(row.blob(6));
}

void load_layout(sqlite::Database& db, std::string& out) {
  auto row = db.prepare("SELECT layout_xml FROM layout_config");
  if (row.step()) out = row.text(0);
}

void load_reason_codes(sqlite::Database& db, std::vector<ReasonCode>& out) {
  auto row = db.prepare("SELECT id, category, code, label, for_all FROM reason_code ORDER BY id");
  while (row.step()) {
    ReasonCode rc;
    rc.id = row.integer(0);
    rc.category = parse_reason_category(row.text(1)).value_or(ReasonCategory::NotReady);
    rc.code = static_cast<int>(row.integer(2));
    rc.label = row.text(3);
    rc.for_all = row.integer(4) != 0;
    out.push_back(std::move(rc));
  }
}

void load_wrap_up_reasons(sqlite::Database& db, std::vector<WrapUpReason>& out) {
  auto row = db.prepare("SELECT id, label, for_all FROM wrap_up_reason ORDER BY id");
  while (row.step()) out.push_back(WrapUpReason{row.integer(0), row.text(1), row.integer(2) != 0});
}

void load_media_layout(sqlite::Database& db, MediaPropertiesLayout& out) {
  auto layout = db.prepare("SELECT column_count, header_display_name, header_media_property FROM media_properties_layout");
  if (!layout.step()) return;
  out.columns.resize(static_cast<size_t>(layout.integer(0)));
  if (!layout.is_null(1)) out.header = MediaPropertyEntry{layout.text(1), layout.text(2)};
  auto entry = db.prepare(
      "SELECT column_index, display_name, media_property FROM media_properties_entry "
      "ORDER BY column_index, position");
  while (entry.step()) {
    const auto column = static_cast<size_t>(entry.integer(0));
    if (column >= out.columns.size()) throw StoreFailure("media properties entry outside the layout's columns");
    out.columns[column].push_back(MediaPropertyEntry{entry.text(1), entry.text(2)});
  }
}

Snapshot load_snapshot(sqlite::Database& db, const SecretBox& box) {
  Snapshot s;
  load_system_config(db, s.system);
  load_cluster_config(db, s.cluster);
  load_database_config(db, box, s.database);
  load_layout(db, s.layout_xml);
  load_reason_codes(db, s.reason_codes);
  load_wrap_up_reasons(db, s.wrap_up_reasons);
  load_media_layout(db, s.media_layout);
  return s;
}

// --- Writing one object (inside the caller's transaction) ---------------------------------------

std::optional<int64_t> optional_integer(const std::optional<uint16_t>& value) {
  if (!value) return std::nullopt;
  return int64_t{*value};
}

void write_system_config(sqlite::Database& db, const CtiServerConfig& c) {
  db.prepare(
        "INSERT OR REPLACE INTO system_config (id, host, port, backup_host, backup_port, peripheral_id) "
        "VALUES (1, ?, ?, ?, ?, ?)")
      .bind(1, c.host)
      .bind(2, int64_t{c.port})
      .bind_optional(3, c.backup_host)
      .bind_optional(4, optional_integer(c.backup_port))
      .bind(5, int64_t{c.peripheral_id})
      .run();
}

void write_cluster_config(sqlite::Database& db, const ClusterConfig& c) {
  db.prepare("INSERT OR REPLACE INTO cluster_config (id, secondary_host) VALUES (1, ?)").bind(1, c.secondary_host).run();
}

void write_database_config(sqlite::Database& db, const SecretBox& box, const EnterpriseDatabaseConfig& c) {
  db.prepare(
        "INSERT OR REPLACE INTO enterprise_database_config "
        "(id, host, backup_host, port, database_name, domain, username, password_sealed) "
        "VALUES (1, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, c.host)
      .bind(2, c.backup_host)
      .bind_optional(3, optional_integer(c.port))
      .bind(4, c.database_name)
      .bind(5, c.domain)
      .bind(6, c.username)
      .bind_blob(7, box.seal(c.password))
      .run();
}

void write_layout(sqlite::Database& db, const std::string& xml) {
  db.prepare("INSERT OR REPLACE INTO layout_config (id, layout_xml) VALUES (1, ?)").bind(1, xml).run();
}

int64_t insert_reason_code(sqlite::Database& db, const ReasonCode& rc) {
  db.prepare("INSERT INTO reason_code (category, code, label, for_all) VALUES (?, ?, ?, ?)")
      .bind(1, std::string_view(to_string(rc.category)))
      .bind(2, int64_t{rc.code})
      .bind(3, rc.label)
      .bind(4, int64_t{rc.for_all})
      .run();
  return db.last_insert_rowid();
}

void update_reason_code_row(sqlite::Database& db, const ReasonCode& rc) {
  db.prepare("UPDATE reason_code SET category = ?, code = ?, label = ?, for_all = ? WHERE id = ?")
      .bind(1, std::string_view(to_string(rc.category)))
      .bind(2, int64_t{rc.code})
      .bind(3, rc.label)
      .bind(4, int64_t{rc.for_all})
      .bind(5, rc.id)
      .run();
  if (db.changes() == 0) throw StoreFailure("no reason code with id " + std::to_string(rc.id));
}

int64_t insert_wrap_up_reason(sqlite::Database& db, const WrapUpReason& w) {
  db.prepare("INSERT INTO wrap_up_reason (label, for_all) VALUES (?, ?)")
      .bind(1, w.label)
      .bind(2, int64_t{w.for_all})
      .run();
  return db.last_insert_rowid();
}

void update_wrap_up_reason_row(sqlite::Database& db, const WrapUpReason& w) {
  db.prepare("UPDATE wrap_up_reason SET label = ?, for_all = ? WHERE id = ?")
      .bind(1, w.label)
      .bind(2, int64_t{w.for_all})
      .bind(3, w.id)
      .run();
  if (db.changes() == 0) throw StoreFailure("no wrap-up reason with id " + std::to_string(w.id));
}

bool delete_row(sqlite::Database& db, const char* sql, int64_t id) {
  db.prepare(sql).bind(1, id).run();
  return db.changes() > 0;
}

void write_media_layout(sqlite::Database& db, const MediaPropertiesLayout& layout) {
  std::optional<std::string> header_name, header_property;
  if (layout.header) {
    header_name = layout.header->display_name;
    header_property = layout.header->media_property;
  }
  db.prepare(
        "INSERT OR REPLACE INTO media_properties_layout "
        "(id, column_count, header_display_name, header_media_property) VALUES (1, ?, ?, ?)")
      .bind(1, static_cast<int64_t>(layout.columns.size()))
      .bind_optional(2, header_name)
      .bind_optional(3, header_property)
      .run();
  db.execute("DELETE FROM media_properties_entry");
  for (size_t column = 0; column < layout.columns.size(); ++column) {
    for (size_t position = 0; position < layout.columns[column].size(); ++position) {
      const auto& entry = layout.columns[column][position];
      db.prepare(
            "INSERT INTO media_properties_entry (column_index, position, display_name, media_property) "
            "VALUES (?, ?, ?, ?)")
          .bind(1, static_cast<int64_t>(column))
          .bind(2, static_cast<int64_t>(position))
          .bind(3, entry.display_name)
          .bind(4, entry.media_property)
          .run();
    }
  }
}

template <typename T>
auto find_by_id(const std::vector<T>& items, int64_t id) {
  return std::find_if(items.begin(), items.end(), [id](const T& item) { return item.id == id; });
}

template <typename T>
auto find_by_id(std::vector<T>& items, int64_t id) {
  return std::find_if(items.begin(), items.end(), [id](const T& item) { return item.id == id; });
}

template <typename T>
bool erase_by_id(std::vector<T>& items, int64_t id) {
  auto it = find_by_id(items, id);
  if (it == items.end()) return false;
  items.erase(it);
  return true;
}

class SqliteConfigStore final : public ConfigStore {
 private:
  std::shared_ptr<const Snapshot> snapshot() const {
    std::shared_lock lock(cache_mutex_);
    return cache_;
  }

  // Runs `change` against the database and a copy of the cache inside one transaction. The copy
  // replaces the cache only after COMMIT succeeded, so a failed write leaves both untouched.
  template <typename Change>
  auto write(Change&& change) {
    std::lock_guard writer(write_mutex_);
    auto next = std::make_shared<Snapshot>(*snapshot());
    sqlite::Transaction transaction(db_);
    if constexpr (std::is_void_v<decltype(change(*next))>) {
      change(*next);
      transaction.commit();
      publish(std::move(next));
    } else {
      auto result = change(*next);
      transaction.commit();
      publish(std::move(next));
      return result;
    }
  }

  void publish(std::shared_ptr<Snapshot> next) {
    std::unique_lock lock(cache_mutex_);
    cache_ = std::move(next);
  }


 public:
  SqliteConfigStore(const std::string& path, SecretBox box) : db_(path), box_(std::move(box)) {
    configure_connection(db_);
    apply_migrations(db_);
    schema_version_ = stored_schema_version(db_);
    cache_ = std::make_shared<const Snapshot>(load_snapshot(db_, box_));
  }

  int schema_version() const override { return schema_version_; }

  CtiServerConfig system_config() const override { return snapshot()->system; }
  void set_system_config(const CtiServerConfig& c) override {
    write([&](Snapshot& next) {
      write_system_config(db_, c);
      next.system = c;
    });
  }

  ClusterConfig cluster_config() const override { return snapshot()->cluster; }
  void set_cluster_config(const ClusterConfig& c) override {
    write([&](Snapshot& next) {
      write_cluster_config(db_, c);
      next.cluster = c;
    });
  }

  EnterpriseDatabaseConfig enterprise_database_config() const override { return snapshot()->database; }
  void set_enterprise_database_config(const EnterpriseDatabaseConfig& c) override {
    write([&](Snapshot& next) {
      write_database_config(db_, box_, c);
      next.database = c;
    });
  }

  std::string layout_xml() const override { return snapshot()->layout_xml; }
  void set_layout_xml(const std::string& xml) override {
    write([&](Snapshot& next) {
      write_layout(db_, xml);
      next.layout_xml = xml;
    });
  }

  std::vector<ReasonCode> reason_codes(ReasonCategory category) const override {
    std::vector<ReasonCode> matching;
    for (const auto& rc : snapshot()->reason_codes)
      if (rc.category == category) matching.push_back(rc);
    return matching;
  }
  std::optional<ReasonCode> reason_code(int64_t id) const override {
    const auto s = snapshot();
    auto it = find_by_id(s->reason_codes, id);
    if (it == s->reason_codes.end()) return std::nullopt;
    return *it;
  }
  ReasonCode create_reason_code(const ReasonCode& rc) override {
    return write([&](Snapshot& next) {
      ReasonCode created = rc;
      created.id = insert_reason_code(db_, rc);
      next.reason_codes.push_back(created);
      return created;
    });
  }
  void update_reason_code(const ReasonCode& rc) override {
    write([&](Snapshot& next) {
      update_reason_code_row(db_, rc);
      *find_by_id(next.reason_codes, rc.id) = rc;
    });
  }
  bool delete_reason_code(int64_t id) override {
    return write([&](Snapshot& next) {
      return delete_row(db_, "DELETE FROM reason_code WHERE id = ?", id) && erase_by_id(next.reason_codes, id);
    });
  }

  std::vector<WrapUpReason> wrap_up_reasons() const override { return snapshot()->wrap_up_reasons; }
  std::optional<WrapUpReason> wrap_up_reason(int64_t id) const override {
    const auto s = snapshot();
    auto it = find_by_id(s->wrap_up_reasons, id);
    if (it == s->wrap_up_reasons.end()) return std::nullopt;
    return *it;
  }
  WrapUpReason create_wrap_up_reason(const WrapUpReason& w) override {
    return write([&](Snapshot& next) {
      WrapUpReason created = w;
      created.id = insert_wrap_up_reason(db_, w);
      next.wrap_up_reasons.push_back(created);
      return created;
    });
  }
  void update_wrap_up_reason(const WrapUpReason& w) override {
    write([&](Snapshot& next) {
      update_wrap_up_reason_row(db_, w);
      *find_by_id(next.wrap_up_reasons, w.id) = w;
    });
  }
  bool delete_wrap_up_reason(int64_t id) override {
    return write([&](Snapshot& next) {
      return delete_row(db_, "DELETE FROM wrap_up_reason WHERE id = ?", id) && erase_by_id(next.wrap_up_reasons, id);
    });
  }

  MediaPropertiesLayout media_properties_layout() const override { return snapshot()->media_layout; }
  void set_media_properties_layout(const MediaPropertiesLayout& l) override {
    write([&](Snapshot& next) {
      write_media_layout(db_, l);
      next.media_layout = l;
    });
  }

 private:
  sqlite::Database db_;
  SecretBox box_;
  int schema_version_ = 0;
  std::mutex write_mutex_;  // one writer at a time, so each copy starts from the latest cache
  mutable std::shared_mutex cache_mutex_;
  std::shared_ptr<const Snapshot> cache_;
};

}  // namespace

std::unique_ptr<ConfigStore> ConfigStore::open(const std::string& path, const std::string& key_path) {
  return std::make_unique<SqliteConfigStore>(path, SecretBox::from_key_file(key_path));
}

}  // namespace fgw::config
