#pragma once
// The configuration store's schema, as an ordered list of migrations. Migration N moves the schema
// from version N-1 to N; each runs in its own transaction together with the version bump, so a
// crash mid-upgrade leaves the database at the last complete version. Later issues append
// migrations; a released migration is never edited.

#include "config/sqlite_db.hpp"

namespace fgw::config {

// The version of the newest migration this build knows.
int latest_schema_version();

// The version recorded in the database (0 for a new file).
int stored_schema_version(sqlite::Database& db);

// Applies every migration newer than the stored version. Throws StoreFailure, also when the
// database was written by a newer build (its schema is unknown here).
void apply_migrations(sqlite::Database& db);

}  // namespace fgw::config
