#include "config/store_crypto.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "config/config_store.hpp"

namespace fgw::config {

namespace {

using Key = std::array<unsigned char, crypto_secretbox_KEYBYTES>;

// Closes the descriptor on every path out.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

[[noreturn]] void fail_with_errno(const std::string& what, const std::string& path) {
  throw StoreFailure(what + " " + path + ": " + std::strerror(errno));
}

void ensure_sodium() {
  if (sodium_init() < 0) throw StoreFailure("libsodium could not be initialised");
}

// O_EXCL: if two processes race to create the key, one wins and the other reads the winner's key.
bool create_key_file(const std::string& path) {
  FileDescriptor fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
  if (fd.get() < 0) {
    if (errno == EEXIST) return false;
    fail_with_errno("cannot create key file", path);
  }
  Key key;
  randombytes_buf(key.data(), key.size());
  const ssize_t written = ::write(fd.get(), key.data(), key.size());
  sodium_memzero(key.data(), key.size());
  if (written != static_cast<ssize_t>(key.size()) || ::fsync(fd.get()) != 0) {
    ::unlink(path.c_str());
    fail_with_errno("cannot write key file", path);
  }
  return true;
}

void read_key_file(const std::string& path, Key& key) {
  FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) fail_with_errno("cannot open key file", path);
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) fail_with_errno("cannot stat key file", path);
  if (info.st_size != static_cast<off_t>(key.size()))
    throw StoreFailure("key file " + path + " must hold exactly " + std::to_string(key.size()) + " bytes");
  if (::read(fd.get(), key.data(), key.size()) != static_cast<ssize_t>(key.size()))
    fail_with_errno("cannot read key file", path);
}

}  // namespace

SecretBox SecretBox::from_key_file(const std::string& key_path) {
  ensure_sodium();
  create_key_file(key_path);
  SecretBox box;
  read_key_file(key_path, box.key_);
  return box;
}

SecretBox::SecretBox(SecretBox&& other) noexcept : key_(other.key_) {
  sodium_memzero(other.key_.data(), other.key_.size());
}

SecretBox::~SecretBox() { sodium_memzero(key_.data(), key_.size()); }

std::vector<unsigned char> SecretBox::seal(const std::string& plaintext) const {
  std::vector<unsigned char> sealed(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plaintext.size());
  unsigned char* nonce = sealed.data();
  randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES, reinterpret_cast<const unsigned char*>(plaintext.data()),
                        plaintext.size(), nonce, key_.data());
  return sealed;
}

std::string SecretBox::open(const std::vector<unsigned char>& sealed) const {
  constexpr size_t overhead = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES;
  if (sealed.size() < overhead) throw StoreFailure("sealed secret is truncated");
  std::string plaintext(sealed.size() - overhead, '\0');
  const unsigned char* nonce = sealed.data();
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plaintext.data()),
                                 nonce + crypto_secretbox_NONCEBYTES, sealed.size() - crypto_secretbox_NONCEBYTES,
                                 nonce, key_.data()) != 0)
    throw StoreFailure("sealed secret does not open with this key");
  return plaintext;
}

}  // namespace fgw::config
