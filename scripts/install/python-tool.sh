# Sourced by the install scripts of Python tools: each tool lives in its own virtualenv under
# <repo>/.tools/<name>, so no tool's pins fight another's and nothing touches the system's Python.
#
#   install_python_tool NAME 'CHECK' PIP_ARGS...
#
# Idempotent: when CHECK (a shell command run with the venv's bin/ first on PATH) succeeds, nothing is
# installed; otherwise the venv is made, pip installs PIP_ARGS, and CHECK must succeed then.
install_python_tool() {
    local name=$1 check=$2; shift 2
    local repo venv
    repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
    venv="$repo/.tools/$name"
    if [ -x "$venv/bin/python" ] && PATH="$venv/bin:$PATH" bash -c "$check" >/dev/null 2>&1; then
        return 0
    fi
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "$@"
    PATH="$venv/bin:$PATH" bash -c "$check" >/dev/null ||
        { echo "$name: installed into $venv, but '$check' still fails" >&2; return 1; }
    echo "$name installed in $venv" >&2
}
