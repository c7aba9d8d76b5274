#include "config/store_migrations.hpp"

#include <array>
#include <string>

#include "config/config_store.hpp"

namespace fgw::config {

namespace {

struct Migration {
  int version;
  const char* sql;
};

// Single-row tables (id = 1) hold the singleton objects; a missing row means "never set", which
// the store answers with the guide's defaults. AUTOINCREMENT keeps a deleted reason's id from
// being handed out again, so a stale URI keeps answering 404.
constexpr const char* kInitialSchema = R"sql(
CREATE TABLE system_config (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  host TEXT NOT NULL,
  port INTEGER NOT NULL,
  backup_host TEXT,
  backup_port INTEGER,
  peripheral_id INTEGER NOT NULL,
  CHECK ((backup_host IS NULL) = (backup_port IS NULL))
);
CREATE TABLE cluster_config (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  secondary_host TEXT NOT NULL
);
CREATE TABLE enterprise_database_config (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  host TEXT NOT NULL,
  backup_host TEXT NOT NULL,
  port INTEGER,
  database_name TEXT NOT NULL,
  domain TEXT NOT NULL,
  username TEXT NOT NULL,
  password_sealed BLOB NOT NULL
);
CREATE TABLE layout_config (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  layout_xml TEXT NOT NULL
);
CREATE TABLE reason_code (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  category TEXT NOT NULL CHECK (category IN ('NOT_READY', 'LOGOUT')),
  code INTEGER NOT NULL CHECK (code BETWEEN 0 AND 65535),
  label TEXT NOT NULL,
  for_all INTEGER NOT NULL CHECK (for_all IN (0, 1)),
  UNIQUE (category, code, label)
);
CREATE TABLE wrap_up_reason (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  label TEXT NOT NULL UNIQUE,
  for_all INTEGER NOT NULL CHECK (for_all IN (0, 1))
);
CREATE TABLE media_properties_layout (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  column_count INTEGER NOT NULL CHECK (column_count >= 0),
  header_display_name TEXT,
  header_media_property TEXT,
  CHECK ((header_display_name IS NULL) = (header_media_property IS NULL))
);
CREATE TABLE media_properties_entry (
  column_index INTEGER NOT NULL,
  position INTEGER NOT NULL,
  display_name TEXT NOT NULL,
  media_property TEXT NOT NULL,
  PRIMARY KEY (column_index, position)
);
)sql";

constexpr std::array kMigrations{
    Migration{1, kInitialSchema},
};

void ensure_version_table(sqlite::Database& db) {
  db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
}

void record_version(sqlite::Database& db, int version) {
  db.execute("DELETE FROM schema_version");
  db.prepare("INSERT INTO schema_version (version) VALUES (?)").bind(1, int64_t{version}).run();
}

void apply(sqlite::Database& db, const Migration& migration) {
  sqlite::Transaction transaction(db);
  db.execute(migration.sql);
  record_version(db, migration.version);
  transaction.commit();
}

}  // namespace

int latest_schema_version() { return kMigrations.back().version; }

int stored_schema_version(sqlite::Database& db) {
  ensure_version_table(db);
  auto statement = db.prepare("SELECT MAX(version) FROM schema_version");
  if (!statement.step() || statement.is_null(0)) return 0;
  return static_cast<int>(statement.integer(0));
}

void apply_migrations(sqlite::Database& db) {
  const int stored = stored_schema_version(db);
  if (stored > latest_schema_version())
    throw StoreFailure("database schema version " + std::to_string(stored) +
                       " is newer than this build understands (" + std::to_string(latest_schema_version()) + ")");
  for (const auto& migration : kMigrations) {
    if (migration.version > stored) apply(db, migration);
  }
}

}  // namespace fgw::config
