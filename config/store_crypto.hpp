#pragma once
// Secrets at rest: libsodium secret boxes (XSalsa20-Poly1305) under a 32-byte key kept in its own
// file, so that a copy of the database alone does not reveal the secrets.

#include <sodium.h>

#include <array>
#include <string>
#include <vector>

namespace fgw::config {

class SecretBox {
 public:
  // Reads the key at `key_path`, creating it (mode 0600, random) when the file does not exist.
  // Throws StoreFailure when the file cannot be read or created, or does not hold exactly 32 bytes.
  static SecretBox from_key_file(const std::string& key_path);

  SecretBox(const SecretBox&) = delete;
  SecretBox& operator=(const SecretBox&) = delete;
  SecretBox(SecretBox&& other) noexcept;
  SecretBox& operator=(SecretBox&&) = delete;
  ~SecretBox();

  // nonce || ciphertext, with a fresh random nonce each call.
  std::vector<unsigned char> seal(const std::string& plaintext) const;
  // Throws StoreFailure when the box was not sealed under this key or was altered.
  std::string open(const std::vector<unsigned char>& sealed) const;

 private:
  SecretBox() = default;
  std::array<unsigned char, crypto_secretbox_KEYBYTES> key_{};
};

}  // namespace fgw::config
