#pragma once
// Keeps a child element of an incoming stanza as raw XML. gloox parses into a stanza only the
// extensions it knows, and drops the rest: a pubsub#owner reply (the affiliations and
// subscriptions a bootstrap reads) or a pubsub#event would otherwise be lost.
#include <gloox/stanzaextension.h>
#include <gloox/tag.h>

#include <memory>
#include <string>

namespace fgw::component {

template <int kTypeId, const char* kFilter>
class RawChild : public gloox::StanzaExtension {
 public:
  static constexpr int kType = kTypeId;
  explicit RawChild(const gloox::Tag* tag = nullptr) : gloox::StanzaExtension(kType), tag_(tag ? tag->clone() : nullptr) {}
  const std::string& filterString() const override {
    static const std::string filter = kFilter;
    return filter;
  }
  gloox::StanzaExtension* newInstance(const gloox::Tag* tag) const override { return new RawChild(tag); }
  gloox::Tag* tag() const override { return tag_ ? tag_->clone() : nullptr; }
  gloox::StanzaExtension* clone() const override { return new RawChild(tag_.get()); }
  const gloox::Tag* raw() const { return tag_.get(); }

 private:
  std::unique_ptr<gloox::Tag> tag_;
};

inline constexpr char kPubsubOwnerFilter[] = "/iq/pubsub[@xmlns='http://jabber.org/protocol/pubsub#owner']";
using RawPubsubOwner = RawChild<gloox::ExtUser + 116, kPubsubOwnerFilter>;

}  // namespace fgw::component
