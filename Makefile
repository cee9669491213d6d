# Thin entry points; the real steps live in scripts/.
#   make build | test | package [FUNCTION=<Name>] | clean
# `sam build` (template.yaml, BuildMethod: makefile) calls `make build-<Name>` with ARTIFACTS_DIR set.
FUNCTION ?=

.PHONY: build test package clean

build:
	swift build

test:
	scripts/test

package:
	scripts/package $(FUNCTION)

# Build products only: dependency checkouts and the static libcurl (.build-deps/) stay.
clean:
	swift package clean
	swift package clean --scratch-path .build-static
	rm -rf dist .aws-sam

# One function's static bootstrap into SAM's artifacts directory (the zip SAM makes from it is the
# same as dist/<Name>.zip).
build-%:
	@scripts/functions | grep -qx '$*' || { echo "error: '$*' is not a function: no Functions/$*/main.swift" >&2; exit 1; }
	scripts/package $*
	cp .build-static/stage/$*/bootstrap "$(ARTIFACTS_DIR)/bootstrap"
