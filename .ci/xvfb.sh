# Sourced by the scripts that need a private X screen (gui-smoke, installer-screenshots)
# or start the window under one (screenshots).
#
# start_xvfb GEOMETRY DIR starts Xvfb on a free display: Xvfb picks the number itself and
# writes it to fd 3 once it accepts clients, so neither a display left over by another
# job nor a slow start can make a run flaky. It exports DISPLAY, sets xvfb to the
# server's PID for the caller's cleanup, logs to DIR/xvfb.log, and returns 1 if the
# server died or did not report a display within 30 s.
start_xvfb() {
  Xvfb -displayfd 3 -screen 0 "$1" -nolisten tcp 3>"$2/display" >"$2/xvfb.log" 2>&1 &
  xvfb=$!
  for _ in $(seq 1 300); do
    grep -q '^[0-9]' "$2/display" 2>/dev/null && break
    kill -0 "$xvfb" 2>/dev/null || return 1
    sleep 0.1
  done
  grep -q '^[0-9]' "$2/display" 2>/dev/null || return 1
  DISPLAY=":$(head -n 1 "$2/display")"
  export DISPLAY
}

# remember_prefs DIR JSON writes JSON as cdrdesk's Fyne preferences under the
# configuration folder DIR (XDG_CONFIG_HOME; under Wine, the user's AppData\Roaming), so
# that the window starts as a person left it: the query, the language, the theme.
remember_prefs() {
  mkdir -p "$1/fyne/io.github.cdrdesk"
  printf '%s\n' "$2" >"$1/fyne/io.github.cdrdesk/preferences.json"
}
