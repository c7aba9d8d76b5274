#pragma once
// The Finesse configuration store (guide section 4): SQLite in WAL mode with versioned schema
// migrations. Every acknowledged write is committed with synchronous=FULL before the call returns,
// so a crash after a 200 loses nothing. Reads are served from an in-memory copy that each
// successful write replaces, so GETs never touch the disk. All methods are thread-safe.
//
// The store validates nothing about the Finesse rules (that is the API's job, in gateway/api); it
// enforces only uniqueness, which it reports as StoreConflict.

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace fgw::config {

struct CtiServerConfig {
  std::string host = "localhost";
  uint16_t port = 42027;
  std::optional<std::string> backup_host;  // present together with backup_port, or neither
  std::optional<uint16_t> backup_port;
  int peripheral_id = 5000;
};

struct ClusterConfig {
  std::string secondary_host;  // empty: no secondary node
};

struct EnterpriseDatabaseConfig {
  std::string host;
  std::string backup_host;  // may be empty
  std::optional<uint16_t> port;
  std::string database_name;
  std::string domain;
  std::string username;
  std::string password;  // encrypted at rest; returned by GET as the guide's 4.3.1 shows
};

enum class ReasonCategory { NotReady, Logout };
const char* to_string(ReasonCategory c);                      // "NOT_READY" / "LOGOUT"
std::optional<ReasonCategory> parse_reason_category(std::string_view s);

struct ReasonCode {
  int64_t id = 0;
  ReasonCategory category = ReasonCategory::NotReady;
  int code = 0;  // 0..65535
  std::string label;
  bool for_all = true;
};

struct WrapUpReason {
  int64_t id = 0;
  std::string label;
  bool for_all = true;
};

struct MediaPropertyEntry {
  std::string display_name;
  std::string media_property;
};

struct MediaPropertiesLayout {
  std::optional<MediaPropertyEntry> header;
  std::vector<std::vector<MediaPropertyEntry>> columns;  // at most 2 (validated by the API)
};

// A uniqueness rule would be broken (duplicate reason code or wrap-up label).
struct StoreConflict : std::runtime_error {
  using std::runtime_error::runtime_error;
};
// The database could not be read or written.
struct StoreFailure : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class ConfigStore {
 public:
  // Opens (creating if needed) the database at `path`, applies pending migrations, and loads the
  // cache. `key_path` holds the 32-byte secret-box key for secrets at rest; it is created with
  // mode 0600 when missing. Throws StoreFailure.
  static std::unique_ptr<ConfigStore> open(const std::string& path, const std::string& key_path);
  virtual ~ConfigStore() = default;

  virtual int schema_version() const = 0;

  virtual CtiServerConfig system_config() const = 0;
  virtual void set_system_config(const CtiServerConfig& c) = 0;

  virtual ClusterConfig cluster_config() const = 0;
  virtual void set_cluster_config(const ClusterConfig& c) = 0;

  virtual EnterpriseDatabaseConfig enterprise_database_config() const = 0;
  virtual void set_enterprise_database_config(const EnterpriseDatabaseConfig& c) = 0;

  virtual std::string layout_xml() const = 0;  // the default layout until one is set
  virtual void set_layout_xml(const std::string& xml) = 0;

  virtual std::vector<ReasonCode> reason_codes(ReasonCategory category) const = 0;
  virtual std::optional<ReasonCode> reason_code(int64_t id) const = 0;
  virtual ReasonCode create_reason_code(const ReasonCode& rc) = 0;  // id assigned; StoreConflict
  virtual void update_reason_code(const ReasonCode& rc) = 0;         // by id; StoreConflict
  virtual bool delete_reason_code(int64_t id) = 0;                   // false if absent

  virtual std::vector<WrapUpReason> wrap_up_reasons() const = 0;
  virtual std::optional<WrapUpReason> wrap_up_reason(int64_t id) const = 0;
  virtual WrapUpReason create_wrap_up_reason(const WrapUpReason& w) = 0;
  virtual void update_wrap_up_reason(const WrapUpReason& w) = 0;
  virtual bool delete_wrap_up_reason(int64_t id) = 0;

  virtual MediaPropertiesLayout media_properties_layout() const = 0;
  virtual void set_media_properties_layout(const MediaPropertiesLayout& l) = 0;
};

}  // namespace fgw::config
