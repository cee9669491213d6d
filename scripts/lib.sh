# Sourced by the bash scripts (`source "$root/scripts/lib.sh"`) for what each would otherwise repeat.

# The PASS/FAIL tally of a checking script: `pass DESCRIPTION`, `fail DESCRIPTION`, and at the end
# `report_tally`, which prints `N passed, N failed` and returns non-zero if anything failed.
passed=0
failed=0
pass() { passed=$((passed + 1)); echo "PASS $*"; }
fail_check() { failed=$((failed + 1)); echo "FAIL $*"; }
report_tally() {
    echo "$passed passed, $failed failed"
    (( failed == 0 ))
}

# A TCP port on 127.0.0.1 that is free now (the kernel's pick; another process may still take it).
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
