// The integer codec: minimal two's complement, big-endian, empty = 0.
#include <clvm/bytes.hpp>
#include <clvm/number.hpp>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

namespace clvm {
namespace {

TEST(Number, GoldenEncodings) {
  const std::vector<std::pair<const char*, const char*>> cases = {
      {"0", ""},
      {"1", "01"},
      {"127", "7f"},
      {"128", "0080"},
      {"255", "00ff"},
      {"256", "0100"},
      {"-1", "ff"},
      {"-128", "80"},
      {"-129", "ff7f"},
      {"-27", "e5"},
      {"-256", "ff00"},
      {"32767", "7fff"},
      {"32768", "008000"},
      {"-32768", "8000"},
      {"-32769", "ff7fff"},
      {"18446744073709551615", "00ffffffffffffffff"},
      {"-18446744073709551616", "ff0000000000000000"},
      {"-9223372036854775808", "8000000000000000"},
      {"9223372036854775808", "008000000000000000"},
  };
  for (auto [dec, hex] : cases) {
    const Number n(dec);
    EXPECT_EQ(to_hex(number_to_bytes(n)), hex) << dec;
    EXPECT_EQ(number_encoded_len(n), std::string_view(hex).size() / 2) << dec;
    EXPECT_EQ(number_from_bytes(*from_hex(hex)), n) << dec;
  }
}

TEST(Number, DecodingAcceptsRedundantPadding) {
  EXPECT_EQ(number_from_bytes(*from_hex("0000000001")), 1);
  EXPECT_EQ(number_from_bytes(*from_hex("ffffffffffffffffffff")), -1);
  EXPECT_EQ(number_from_bytes(*from_hex("00")), 0);
  EXPECT_EQ(number_from_bytes(*from_hex("00000000000000000000ff")), 255);
}

TEST(Number, HexHelpersRejectBadInput) {
  std::size_t at = 0;
  EXPECT_FALSE(from_hex("abc", &at));
  EXPECT_EQ(at, 3u);
  EXPECT_FALSE(from_hex("0g", &at));
  EXPECT_EQ(at, 1u);
  EXPECT_EQ(from_hex("0xCAFE"), (Bytes{0xca, 0xfe}));
  EXPECT_FALSE(bytes_from_hex<2>("cafe00"));
}

TEST(Number, HexOfEveryByteValueAndAppending) {
  Bytes all(256);
  for (std::size_t i = 0; i < 256; ++i) all[i] = static_cast<std::uint8_t>(i);
  const std::string hex = to_hex(all);
  ASSERT_EQ(hex.size(), 512u);
  EXPECT_EQ(hex.substr(0, 8), "00010203");
  EXPECT_EQ(hex.substr(0x7f * 2, 6), "7f8081");
  EXPECT_EQ(hex.substr(496), "f8f9fafbfcfdfeff");
  EXPECT_EQ(from_hex(hex), all);
  std::string out = "prefix ";
  append_hex(out, all);
  append_hex(out, Bytes{});
  EXPECT_EQ(out, "prefix " + hex);
  append_hex(out, Bytes{0xab});
  EXPECT_EQ(out.substr(out.size() - 3), "fab");
  EXPECT_EQ(to_hex(Bytes{}), "");
}

RC_GTEST_PROP(Number, RoundTripsAndIsMinimal, (std::vector<std::uint8_t> raw)) {
  const Number n = number_from_bytes(raw);
  const auto enc = number_to_bytes(n);
  RC_ASSERT(number_from_bytes(enc) == n);
  RC_ASSERT(enc.size() == number_encoded_len(n));
  // Minimal: no redundant leading 00 / ff.
  if (enc.size() >= 2) {
    RC_ASSERT(!(enc[0] == 0x00 && (enc[1] & 0x80) == 0));
    RC_ASSERT(!(enc[0] == 0xff && (enc[1] & 0x80) != 0));
  }
  if (enc.size() == 1) RC_ASSERT(enc[0] != 0);
}

}  // namespace
}  // namespace clvm
