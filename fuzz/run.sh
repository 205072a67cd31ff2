#!/usr/bin/env bash
# Coverage-guided fuzzing on the stable toolchain: libFuzzer (libfuzzer-sys) with SanitizerCoverage switched on by
# RUSTFLAGS, no sanitizer (cargo-fuzz's `--sanitizer none`, without needing cargo-fuzz or nightly).
#
#   fuzz/run.sh SECONDS [TARGET...]     each target (default: all) for SECONDS, one after another
#
# Targets: scenario (loader + validator + a play), condition, suspend_data, progress, coder.
# Seeds come from the bundled files each run (fuzz/corpus/<target>/, kept between runs; not in git). A crash is
# saved in fuzz/artifacts/<target>/ and the script exits 1. Each run prints libFuzzer's `Done N runs in S
# second(s)` line. Environment: FUZZ_TARGET_DIR (build folder, default fuzz/target), FUZZ_JOBS (parallel targets,
# default 1), FUZZ_RSS_MB (memory limit per target, default 2048).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
secs="${1:?usage: fuzz/run.sh SECONDS [TARGET...]}"
shift
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(scenario condition suspend_data progress coder)
host="$(rustc -vV | sed -n 's/^host: //p')"
export CARGO_TARGET_DIR="${FUZZ_TARGET_DIR:-$here/target}"
export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing"
(cd "$here" && cargo build --release --target "$host" --bins)
bin="$CARGO_TARGET_DIR/$host/release"

seed() {
    local t="$1" dir="$here/corpus/$1"
    mkdir -p "$dir"
    case "$t" in
        scenario)
            cp "$root"/scenarios/*.ron "$root"/tests/fixtures/minimal.ron "$dir"/ 2>/dev/null || true
            rm -f "$dir/course.ron" ;;
        condition)
            grep -rhoE '(when|if): "[^"]*"' "$root"/scenarios "$root"/tests/fixtures \
                | sed -E 's/^(when|if): "(.*)"$/\2/' | sort -u | awk -v d="$dir" '{ f = d "/seed-" NR; print > f; close(f) }' ;;
        suspend_data)
            printf '%s' 'MS1|1|0||a|0,1,0,1,0,0,1|' > "$dir/seed-1"
            printf '%s' 'MS1|3|0|Aune|omakanta-resepti,etavastaanotto|0,1,5,1,0,0,1;1,0,9,0,1,1,0|0|' > "$dir/seed-2" ;;
        progress)
            cp "$root"/crates/motivo-course/src/fixtures/*.ron "$dir"/ ;;
        coder)
            local n=0
            while IFS= read -r line; do
                n=$((n + 1)); printf '\000%s' "$line" > "$dir/seed-$n"
            done < <(grep -rhoE '(fi|en): "[^"]{8,200}"' "$root"/scenarios | sed -E 's/^(fi|en): "(.*)"$/\2/' | head -300)
            ;;
    esac
}

run_one() {
    local t="$1"
    seed "$t"
    mkdir -p "$here/artifacts/$t"
    local log="$here/artifacts/$t.log"
    local max_len=4096
    [ "$t" = scenario ] && max_len=65536
    local rc=0
    "$bin/$t" "$here/corpus/$t" -max_total_time="$secs" -rss_limit_mb="${FUZZ_RSS_MB:-2048}" -timeout=25 \
        -max_len="$max_len" -artifact_prefix="$here/artifacts/$t/" -print_final_stats=1 >"$log" 2>&1 || rc=$?
    echo "$t: $(grep -E '^Done [0-9]+ runs' "$log" | tail -1) (exit $rc; log $log)"
    return $rc
}

status=0
if [ "${FUZZ_JOBS:-1}" -gt 1 ]; then
    pids=()
    for t in "${targets[@]}"; do run_one "$t" & pids+=($!); done
    for p in "${pids[@]}"; do wait "$p" || status=1; done
else
    for t in "${targets[@]}"; do run_one "$t" || status=1; done
fi
exit $status
