# SPDX-License-Identifier: Apache-2.0
# Stands where a package would put clvm_rs's native module: everything comes from clvmpp.
from clvmpp.clvm_rs import *  # noqa: F401,F403
