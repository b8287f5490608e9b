// SPDX-License-Identifier: Apache-2.0
// DebugTable over std::unordered_map / std::unordered_set (allocation failures become `false`).
#include <clvm/mem/detail/debug_table.hpp>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace clvm::mem::detail {

struct DebugTable::Impl {
  std::unordered_map<const void*, Record> live;
  std::unordered_set<const void*> freed;
};

DebugTable::DebugTable() : impl_(std::make_unique<Impl>()) {}
DebugTable::~DebugTable() = default;
DebugTable::DebugTable(DebugTable&&) noexcept = default;
DebugTable& DebugTable::operator=(DebugTable&&) noexcept = default;

bool DebugTable::insert(const void* user, Record r) noexcept {
  try {
    impl_->live.insert_or_assign(user, r);
  } catch (...) {
    return false;
  }
  impl_->freed.erase(user);
  return true;
}

std::optional<DebugTable::Record> DebugTable::find(const void* user) const noexcept {
  const auto it = impl_->live.find(user);
  if (it == impl_->live.end()) return std::nullopt;
  return it->second;
}

void DebugTable::erase(const void* user) noexcept {
  impl_->live.erase(user);
  try {
    impl_->freed.insert(user);
  } catch (...) {
    // Out of memory: a later double free of this address reads as a foreign pointer instead.
  }
}

bool DebugTable::was_freed(const void* user) const noexcept { return impl_->freed.contains(user); }

std::size_t DebugTable::size() const noexcept { return impl_->live.size(); }

std::vector<DebugTable::Entry> DebugTable::live() const {
  std::vector<Entry> out;
  out.reserve(impl_->live.size());
  for (const auto& [p, r] : impl_->live) out.push_back({p, r});
  std::sort(out.begin(), out.end(),
            [](const Entry& a, const Entry& b) { return a.record.seq < b.record.seq; });
  return out;
}

}  // namespace clvm::mem::detail
