// SPDX-License-Identifier: Apache-2.0
// secp256k1_verify and secp256r1_verify (clvmr's secp_ops.rs): ECDSA over a 32-byte prehash.
// Fixed cost, checked before anything else; the result is nil (no malloc). Each rejection is an
// InvalidOpArg naming the whole argument list, with clvmr's text for the first failing input.
#include <fmt/format.h>

#include "crypto/secp.hpp"
#include "ops/crypto_ops.hpp"
#include "ops/op_utils.hpp"

namespace clvm::ops {
namespace {

constexpr Cost kSecp256k1VerifyCost = 1300000;
constexpr Cost kSecp256r1VerifyCost = 1850000;

using VerifyFn = crypto::SecpResult (*)(std::span<const std::uint8_t>,
                                        std::span<const std::uint8_t>,
                                        std::span<const std::uint8_t>) noexcept;

Reduction verify(Allocator& a, NodePtr args, Cost max_cost, std::string_view name, Cost cost,
                 VerifyFn fn) {
  check_cost(cost, max_cost);
  const auto [pubkey_node, msg_node, sig_node] = get_args<3>(a, args, name);
  // clvmr reads each argument just before validating it; reading all three first is equivalent
  // except for which error wins, so keep its order: pubkey, digest, signature.
  const Atom pubkey = atom(a, pubkey_node, fmt::format("{} pubkey", name));
  const auto pk_only = fn(pubkey.span(), {}, {});
  if (pk_only == crypto::SecpResult::InvalidPubkey) {
    throw_op_arg(args, fmt::format("{} pubkey is not valid", name));
  }
  const Atom msg = atom(a, msg_node, fmt::format("{} msg", name));
  if (msg.size() != 32) throw_op_arg(args, fmt::format("{} message digest is not 32 bytes", name));
  const Atom sig = atom(a, sig_node, fmt::format("{} sig", name));
  switch (fn(pubkey.span(), msg.span(), sig.span())) {
    case crypto::SecpResult::Valid:
      return {cost, Allocator::nil()};
    case crypto::SecpResult::InvalidPubkey:
      throw_op_arg(args, fmt::format("{} pubkey is not valid", name));
    case crypto::SecpResult::InvalidDigest:
      throw_op_arg(args, fmt::format("{} message digest is not 32 bytes", name));
    case crypto::SecpResult::InvalidSignature:
      throw_op_arg(args, fmt::format("{} sig is not valid", name));
    case crypto::SecpResult::Mismatch:
      break;
  }
  throw_op_arg(args, fmt::format("{} failed", name));
}

}  // namespace

Reduction op_secp256k1_verify(Allocator& a, NodePtr args, Cost max_cost, Flags /*flags*/) {
  return verify(a, args, max_cost, "secp256k1_verify", kSecp256k1VerifyCost,
                crypto::secp256k1_verify);
}

Reduction op_secp256r1_verify(Allocator& a, NodePtr args, Cost max_cost, Flags /*flags*/) {
  return verify(a, args, max_cost, "secp256r1_verify", kSecp256r1VerifyCost,
                crypto::secp256r1_verify);
}

}  // namespace clvm::ops
