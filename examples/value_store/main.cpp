// Arena images as a value store: build values in an arena, save them under names to one file, then
// open the file again by mapping it (no parsing, no copying) and read the values back.
//   value_store [IMAGE_PATH]      (default: values.img in the current directory)
#include <clvm/runtime.hpp>
#include <clvm/traits.hpp>

#include <fmt/format.h>

#include <cstdint>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : "values.img";

  {  // Writer: three named roots in one arena.
    clvm::Allocator a;
    const std::vector<clvm::ImageRoot> roots = {
        {"greeting", clvm::to_clvm(a, std::string("hello, image"))},
        {"primes", clvm::to_clvm(a, std::vector<std::uint64_t>{2, 3, 5, 7, 11, 13})},
        {"program", clvm::assemble(a, "(+ 2 5)")},
    };
    clvm::save_image(a, roots, path);
    fmt::print("saved {} roots ({} atoms, {} pairs) to {}\n", roots.size(), a.atom_count(),
               a.pair_count(), path);
  }

  // Reader: Image::open maps the file and validates it (checksum, sizes, every node reference);
  // the arena then reads its tables where they lie in the mapping.
  clvm::Image image = clvm::Image::open(path);
  clvm::Allocator& a = image.allocator();
  fmt::print("opened {} ({} bytes):", path, image.size());
  for (const clvm::ImageRoot& root : image.roots()) fmt::print(" {}", root.name);
  fmt::print("\n");
  fmt::print("greeting = {}\n", clvm::from_clvm<std::string>(a, image.root("greeting")));
  const auto primes = clvm::from_clvm<std::vector<std::uint64_t>>(a, image.root("primes"));
  std::uint64_t sum = 0;
  std::string text;
  for (std::uint64_t p : primes) {
    sum += p;
    text += fmt::format("{}{}", text.empty() ? "" : " ", p);
  }
  fmt::print("primes   = {} (sum {})\n", text, sum);

  // The loaded arena is a normal arena: run the stored program on new nodes.
  const clvm::NodePtr env = clvm::to_clvm(a, std::vector<std::uint64_t>{10, 20});
  const clvm::Reduction r = clvm::run_program(a, clvm::ChiaDialect(clvm::MEMPOOL_MODE),
                                              image.root("program"), env, 11'000'000'000);
  fmt::print("program  = {}, run on (10 20): {} (cost {})\n", clvm::text(a, image.root("program")),
             clvm::text(a, r.node), r.cost);

  // Asking for a name that is not there throws ImageError.
  try {
    (void)image.root("missing");
  } catch (const clvm::ImageError& e) {
    fmt::print("root \"missing\": {}\n", e.what());
  }
  return 0;
}
