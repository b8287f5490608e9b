// Uses the installed library the way an application would.
#include <clvm/runtime.hpp>

#include <cstdio>
#include <variant>

int main() {
  clvm::Allocator a;
  clvm::NodePtr p = a.new_atom("Hello, world!");
  clvm::NodePtr q = a.new_pair(p, p);
  auto [first, rest] = std::get<clvm::Pair>(a.sexp(q));
  if (!a.atom_eq(first, rest) || a.atom(first).size() != 13) return 1;
  clvm::mem::PageAllocator pages;
  auto block = pages.allocate(clvm::mem::Layout{4096, 4096});
  if (block.ptr == nullptr) return 1;
  pages.deallocate(block.ptr, clvm::mem::Layout{4096, 4096});
  std::puts("consumer ok");
  return 0;
}
