#!/usr/bin/env bash
# Runs the libFuzzer targets of a fuzzing build (see fuzz/README.md).
#   fuzz/run-fuzzers.sh [BUILDDIR [SECONDS [TARGET…]]]
# Defaults: _build-fuzz, 300 seconds each, every target, one after the
# other, each with its dictionary (fuzz/TARGET.dict; template.dict for both
# JSON formats). New inputs go to $WORKDIR/corpus/TARGET (default
# /tmp/ethos-fuzz), never into fuzz/corpus; crashes go to $WORKDIR/artifacts/.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
builddir=${1:-_build-fuzz}
seconds=${2:-300}
shift $(( $# > 2 ? 2 : $# ))
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(template csv code-file query unicode notes values image)
fi
workdir=${WORKDIR:-/tmp/ethos-fuzz}

export G_SLICE=always-malloc
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export LSAN_OPTIONS=suppressions=$root/build-aux/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1

mkdir -p "$workdir/artifacts"
status=0
for target in "${targets[@]}"; do
  mkdir -p "$workdir/corpus/$target"
  # Every target has a dictionary; the JSON formats share template.dict.
  case $target in
    template|code-file) dict=(-dict="$root/fuzz/template.dict") ;;
    *) dict=(-dict="$root/fuzz/$target.dict") ;;
  esac
  echo "== fuzz-$target: $seconds s" >&2
  "$builddir/fuzz/fuzz-$target" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=30 \
    -print_final_stats=1 -artifact_prefix="$workdir/artifacts/$target-" "${dict[@]}" \
    "$workdir/corpus/$target" "$root/fuzz/corpus/$target" || status=1
done
exit $status
