# cdrdesk — the two commands of the README's Quick start are `make demo` and `make test`.
# Every target installs the Debian/Ubuntu packages it needs when they are missing
# (.ci/install-packages).

SHELL := /bin/sh
export PATH := $(PATH):/usr/local/go/bin
export LANG ?= C.UTF-8

VERSION := $(shell sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
COMMIT  := $(shell git rev-parse --short HEAD 2>/dev/null)
LDFLAGS := -X main.version=$(VERSION) -X main.commit=$(COMMIT)
GO_MIN  := 1.26

# The window is Fyne on GLFW: cgo with the X11 and OpenGL headers.
BUILD_PACKAGES := gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev
# Running it without a screen (CI): Xvfb, Mesa's software OpenGL, and screenshot tools.
HEADLESS_PACKAGES := xvfb xauth x11-utils libgl1-mesa-dri imagemagick
TEST_PACKAGES := gnome-keyring dbus dbus-x11 $(BUILD_PACKAGES) $(HEADLESS_PACKAGES)

.PHONY: all build test check-go fmt-check vet unit keyring-test gui-smoke demo demo-cli bench screenshots clean

all: build

check-go:
	@command -v go >/dev/null || { echo "Go $(GO_MIN) or newer is needed: https://go.dev/doc/install (put it in /usr/local/go)"; exit 1; }
	@go version | awk '{ split($$3, v, /go|\./); if (v[2] < 1 || (v[2] == 1 && v[3] < 26)) { print "Go $(GO_MIN) or newer is needed, found " $$3; exit 1 } }'

build: check-go
	@./.ci/install-packages $(BUILD_PACKAGES)
	go build -trimpath -tags migrated_fynedo -ldflags "$(LDFLAGS)" -o cdrdesk .

## demo: build cdrdesk and open the window on the built-in demo PBX.
demo: build
	@if [ -z "$${DISPLAY:-}$${WAYLAND_DISPLAY:-}" ]; then echo "No screen here (DISPLAY is not set): run ./cdrdesk --demo on a desktop, or see make gui-smoke."; exit 1; fi
	./cdrdesk --demo

## test: format check, vet, every unit test under the race detector, and the keyring
## integration test against a real Secret Service (gnome-keyring in a private D-Bus).
test: check-go
	@./.ci/install-packages $(TEST_PACKAGES)
	$(MAKE) --no-print-directory fmt-check vet unit keyring-test build gui-smoke

fmt-check:
	@out=$$(gofmt -l .); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	go vet ./...
	go vet -tags keyring_integration ./internal/profile/

unit:
	go test -race -count=1 ./...

# The keyring test gets a throw-away HOME (gnome-keyring keeps its files there) but
# Go's own caches stay where they are.
keyring-test:
	@GOCACHE=$$(go env GOCACHE) GOMODCACHE=$$(go env GOMODCACHE) GOPATH=$$(go env GOPATH) \
	HOME=$$(mktemp -d) sh -c 'trap "rm -rf \"$$HOME\"" EXIT; \
	  dbus-run-session -- sh -c "printf test-password | gnome-keyring-daemon --unlock --components=secrets >/dev/null && \
	    go test -race -count=1 -tags keyring_integration -run Keyring ./internal/profile/"'

## gui-smoke: start the real window under Xvfb in English and in Chinese (in a private
## D-Bus session with a throw-away HOME, so nothing it starts outlives it), screenshot it,
## and fail if it did not appear or stayed blank.
gui-smoke: build
	@mkdir -p .cache
	./.ci/gui-smoke ./cdrdesk .cache/smoke-en.png en_US.UTF-8
	./.ci/gui-smoke ./cdrdesk .cache/smoke-zh.png zh_CN.UTF-8

## demo-cli: build, start the demo PBX on loopback, export yesterday's calls from it.
demo-cli: build
	./.ci/demo-cli ./cdrdesk

## bench: Go benchmarks of the hot paths, then the end-to-end figures for a 1M-row year.
bench: check-go
	go test -run '^$$' -bench . -benchtime 3x -benchmem ./cdrclient/ ./internal/report/
	go test -run '^$$' -bench WriteCSV -benchtime 3x ./cdrclient/pbxsim/
	go run ./internal/bench

clean:
	rm -f cdrdesk demo-yesterday.csv demo-last-month.xlsx

## screenshots: retake the README's pictures of the real window (Xvfb, demo PBX).
screenshots: build
	@./.ci/install-packages $(HEADLESS_PACKAGES) xdotool
	./.ci/screenshots ./cdrdesk assets/screenshots
