#!/usr/bin/env bash
# Installs what Strata's build, tests and demo need on a fresh Debian machine.
# Idempotent: installs only what is missing.
set -euo pipefail

need_apt=()
command -v python3.11 >/dev/null 2>&1 || command -v python3 >/dev/null 2>&1 || need_apt+=(python3)
command -v cc >/dev/null 2>&1 || need_apt+=(gcc)
command -v objdump >/dev/null 2>&1 || need_apt+=(binutils)
# Tier 2: LLVM 19 (static libraries for llvm-sys; Polly and zstd are linked in).
[ -x /usr/lib/llvm-19/bin/llvm-config ] || need_apt+=(llvm-19-dev)
[ -e /usr/lib/llvm-19/lib/libPolly.a ] || need_apt+=(libpolly-19-dev)
[ -e /usr/include/zstd.h ] || need_apt+=(libzstd-dev)
[ -e /usr/include/zlib.h ] || need_apt+=(zlib1g-dev)
command -v llvm-objdump-19 >/dev/null 2>&1 || need_apt+=(llvm-19)
# AArch64 verification: a cross C compiler and qemu's user-mode emulator.
command -v aarch64-linux-gnu-gcc >/dev/null 2>&1 || need_apt+=(gcc-aarch64-linux-gnu)
command -v qemu-aarch64 >/dev/null 2>&1 || need_apt+=(qemu-user)

if [ ${#need_apt[@]} -gt 0 ]; then
  echo "install-deps: installing ${need_apt[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if ! command -v cargo >/dev/null 2>&1; then
  echo "install-deps: cargo is missing; this machine kind ships Rust 1.95 with rustup" >&2
  exit 1
fi
