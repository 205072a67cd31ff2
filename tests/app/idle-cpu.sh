#!/usr/bin/env bash
# Idle CPU of the learner app: the CPU ticks (utime + stime in /proc/PID/stat, 100 a second) the process uses
# over 10 s after its first frame (after the key press, for the conversation), on the start screen, on a
# scenario's intro (`--scenario ID`) and in an open conversation (`--scenario ID`, then Enter on the intro
# starts it), with the window unfocused (Xvfb has no window manager, so nothing focuses it; after the key press
# the focus goes back to the root window) and focused (xdotool gives it the keyboard focus), under Xvfb with
# Mesa's software Vulkan (lavapipe). Fails when any run uses more than IDLE_MAX_TICKS (default 50,
# 5 % of one core).
#
#   apt-get install -y xvfb xauth mesa-vulkan-drivers libvulkan1 libxkbcommon-x11-0 xdotool
#   cargo build --bin motivo && tests/app/idle-cpu.sh [path/to/motivo] [WxH]
#
# Env: IDLE_MAX_TICKS (50), IDLE_SECONDS (10), IDLE_SCENARIO (the first bundled scenario), IDLE_TEXT_SIZE,
# IDLE_SCREENS ("start intro conversation").
set -euo pipefail

if [[ "${1:-}" == "--inner" ]]; then
    # Runs inside xvfb-run: start the app, wait for its first frame, measure, stop it.
    shift
    bin=$1 focus=$2 log=$3
    shift 3
    "$bin" "$@" >"$log" 2>&1 &
    pid=$!
    for _ in $(seq 1 600); do
        grep -q "first frame drawn" "$log" && break
        kill -0 "$pid" 2>/dev/null || { echo "the app exited before its first frame:" >&2; cat "$log" >&2; exit 3; }
        sleep 0.1
    done
    grep -q "first frame drawn" "$log" || { echo "no first frame within 60 s" >&2; kill "$pid"; exit 3; }
    win=$(xdotool search --sync --name Motivo | head -n1)
    if [[ "$focus" == *-enter ]]; then
        # Start the conversation from the intro as a learner does: Enter.
        # A key pressed before the window has the keyboard can be lost: press again until the conversation opens.
        for _ in 1 2 3 4 5; do
            xdotool windowfocus --sync "$win"
            sleep 1
            xdotool key Return
            for _ in $(seq 1 30); do grep -q "screen: Conversation" "$log" && break 2; sleep 0.1; done
        done
        sleep 1
        focus=${focus%-enter}
        [[ "$focus" == unfocused ]] && xdotool windowfocus "$(xwininfo -root | awk '/Window id:/ {print $4}')"
    elif [[ "$focus" == focused ]]; then
        xdotool windowfocus --sync "$win"
    fi
    sleep 0.5
    ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
    before=$(ticks)
    sleep "${IDLE_SECONDS:-10}"
    after=$(ticks)
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    echo $((after - before))
    exit 0
fi

here=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-${CARGO_TARGET_DIR:-$here/target}/debug/motivo}
size=${2:-1280x800}
max=${IDLE_MAX_TICKS:-50}
[[ -x "$bin" ]] || { echo "no app binary at $bin (cargo build --bin motivo)" >&2; exit 2; }
command -v xvfb-run >/dev/null || { echo "xvfb-run is missing (apt-get install xvfb xauth)" >&2; exit 2; }
command -v xdotool >/dev/null || { echo "xdotool is missing (apt-get install xdotool)" >&2; exit 2; }
command -v xwininfo >/dev/null || { echo "xwininfo is missing (apt-get install x11-utils)" >&2; exit 2; }

data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
export WGPU_BACKEND=${WGPU_BACKEND:-vulkan}
scenario=${IDLE_SCENARIO:-}
if [[ -z "$scenario" ]]; then
    # The first bundled scenario (`motivo list` prints a header, then one id first on each line; motivo-web has
    # no `list`).
    scenario=$("$bin" list 2>/dev/null | awk 'NF && $1 != "ID" {print $1; exit}' || true)
    if [[ -z "$scenario" ]]; then
        first=$(ls "$here"/scenarios/*.ron | grep -v '/course.ron$' | head -n1)
        scenario=$(grep -m1 -oP '^\s*id:\s*"\K[^"]+' "$first")
    fi
fi
extra=()
[[ -n "${IDLE_TEXT_SIZE:-}" ]] && extra+=(--text-size "$IDLE_TEXT_SIZE")

fail=0
printf '%-14s %-10s %6s  (max %s ticks in %ss, window %s)\n' screen focus ticks "$max" "${IDLE_SECONDS:-10}" "$size"
for screen in ${IDLE_SCREENS:-start intro conversation}; do
    args=(--window "$size" "${extra[@]}")
    [[ "$screen" != start ]] && args+=(--scenario "$scenario")
    for focus in unfocused focused; do
        log=$data/$screen-$focus.log
        how=$focus
        [[ "$screen" == conversation ]] && how=$focus-enter
        # A fresh data folder per run: a saved conversation would reopen by itself.
        export MOTIVO_DATA_DIR=$data/data-$screen-$focus
        n=$(xvfb-run -a -s "-screen 0 ${size}x24" "$0" --inner "$bin" "$how" "$log" "${args[@]}")
        verdict=ok
        if ((n > max)); then verdict=FAIL; fail=1; fi
        printf '%-14s %-10s %6s  %s\n' "$screen" "$focus" "$n" "$verdict"
        if [[ -n "${IDLE_DEBUG:-}" ]]; then tail -n 20 "$log"; fi
        if [[ "$screen" == conversation ]] && ! grep -q "screen: Conversation" "$log"; then
            echo "  (the conversation did not open: $log)"; fail=1
        fi
    done
done
exit $fail
