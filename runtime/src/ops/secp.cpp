// SPDX-License-Identifier: Apache-2.0
// secp256k1_verify and secp256r1_verify (clvmr's secp_ops.rs): ECDSA over a 32-byte prehash.
// Fixed cost, checked before anything else; the result is nil (no malloc). Each rejected input is
// an InvalidOpArg naming the whole argument list, with clvmr's text for the first failing input;
// a signature that does not verify is Secp256Failed.
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
  const auto bad_pubkey = [&] {
    throw_op_arg(args, fmt::format("{} pubkey is not valid", name),
                 fmt::format("{}: pubkey is not valid", name));
  };
  const auto bad_digest = [&] {
    throw_op_arg(args, fmt::format("{} message digest is not 32 bytes", name),
                 fmt::format("{}: message digest is not 32 bytes", name));
  };
  if (pk_only == crypto::SecpResult::InvalidPubkey) bad_pubkey();
  const Atom msg = atom(a, msg_node, fmt::format("{} msg", name));
  if (msg.size() != 32) bad_digest();
  const Atom sig = atom(a, sig_node, fmt::format("{} sig", name));
  switch (fn(pubkey.span(), msg.span(), sig.span())) {
    case crypto::SecpResult::Valid:
      return {cost, Allocator::nil()};
    case crypto::SecpResult::InvalidPubkey:
      bad_pubkey();
      break;
    case crypto::SecpResult::InvalidDigest:
      bad_digest();
      break;
    case crypto::SecpResult::InvalidSignature:
      throw_op_arg(args, fmt::format("{} sig is not valid", name),
                   fmt::format("{}: signature is not valid", name));
    case crypto::SecpResult::Mismatch:
      break;
  }
  throw EvalError(ErrorKind::Secp256Failed, fmt::format("{} failed", name), args);
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
