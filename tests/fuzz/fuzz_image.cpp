// Arena image loading on arbitrary bytes: an Image or an ImageError. A loaded image's roots are
// walkable trees (bounded: the validator forbids cycles) and the image re-saves to the same bytes.
#include <clvm/image.hpp>
#include <clvm/runtime.hpp>
#include <clvm/serde.hpp>

#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    clvm::Image img = clvm::Image::from_bytes(std::span(data, size));
    const clvm::Allocator& a = img.allocator();
    for (const auto& r : img.roots()) (void)clvm::node_to_bytes_limit(a, r.node, 1 << 20);
    const auto again = clvm::image_bytes(a, img.roots());
    FUZZ_CHECK(again.size() == size);
  } catch (const clvm::ImageError&) {
  } catch (const clvm::EvalError&) {  // a serialization past the size limit
  }
  return 0;
}
