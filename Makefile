# cdrdesk — the two commands of the README's Quick start are `make demo` and `make test`.
# Every target installs the Debian/Ubuntu packages it needs when they are missing
# (.ci/install-packages).

SHELL := /bin/sh
export PATH := $(PATH):/usr/local/go/bin
export LANG ?= C.UTF-8

# FyneApp.toml holds the one version; every artefact is stamped from it and from git.
VERSION := $(shell sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
BUILDNO := $(shell sed -n 's/^Build *= *\([0-9]*\)/\1/p' FyneApp.toml)
COMMIT  := $(shell git rev-parse --short HEAD 2>/dev/null)
LDFLAGS := -X main.version=$(VERSION) -X main.commit=$(COMMIT)
GO_MIN  := 1.26
DIST    := dist

# Go tools, pinned; `go run pkg@version` builds them once into Go's cache.
FYNE_TOOL   := go run fyne.io/tools/cmd/fyne@v1.7.4
WINRES_TOOL := go run github.com/tc-hib/go-winres@v0.3.3

# The window is Fyne on GLFW: cgo with the X11 and OpenGL headers.
BUILD_PACKAGES := gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev
# Running it without a screen (CI): Xvfb, Mesa's software OpenGL, and screenshot tools.
HEADLESS_PACKAGES := xvfb xauth x11-utils libgl1-mesa-dri imagemagick xdotool
# Release artefacts: the Windows cross-build, its installer, the Linux package, and Wine
# to try the Windows ones (its fonts only for the installer's screenshots).
WINDOWS_PACKAGES := gcc-mingw-w64-x86-64
INSTALLER_PACKAGES := nsis imagemagick
LINUX_PACKAGE_PACKAGES := xz-utils desktop-file-utils
WINE_PACKAGES := wine wine64 unzip icoutils
RELEASE_PACKAGES := $(WINDOWS_PACKAGES) $(INSTALLER_PACKAGES) $(LINUX_PACKAGE_PACKAGES) $(WINE_PACKAGES)
# Reading the report workbook with another program than excelize (issue 8 §3).
WORKBOOK_CHECK_PACKAGES := libreoffice-calc-nogui
TEST_PACKAGES := gnome-keyring dbus dbus-x11 postgresql $(BUILD_PACKAGES) $(HEADLESS_PACKAGES) $(RELEASE_PACKAGES) $(WORKBOOK_CHECK_PACKAGES)

.PHONY: all build test check-go fmt-check vet unit keyring-test gui-smoke workbook-check demo demo-cli bench screenshots clean \
	windows installer linux install release-check installer-screenshots

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

## test: format check, vet, every unit test under the race detector, the keyring
## integration test against a real Secret Service (gnome-keyring in a private D-Bus), the
## real window under Xvfb, a report workbook read by LibreOffice (workbook-check), and the
## release artefacts built and tried (release-check).
test: check-go
	@./.ci/install-packages $(TEST_PACKAGES)
	$(MAKE) --no-print-directory fmt-check vet unit keyring-test build gui-smoke workbook-check release-check

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
## and fail if it did not connect to the demo PBX or stayed blank; then get the demo's last
## 7 days (Ctrl+R) and fail unless the charts page (Ctrl+6) shows the answered and missed bars.
gui-smoke: build
	@mkdir -p .cache
	./.ci/gui-smoke .cache/smoke-en.png en_US.UTF-8 ./cdrdesk
	./.ci/gui-smoke .cache/smoke-zh.png zh_CN.UTF-8 ./cdrdesk

## workbook-check: write a report workbook with `cdrdesk report` against the demo PBX
## and convert every sheet with LibreOffice headless; fails if LibreOffice cannot read it.
workbook-check: build
	@./.ci/install-packages $(WORKBOOK_CHECK_PACKAGES)
	./.ci/workbook-check ./cdrdesk

## demo-cli: build, start the demo PBX on loopback, export yesterday's calls from it.
demo-cli: build
	./.ci/demo-cli ./cdrdesk

## bench: Go benchmarks of the hot paths, then the end-to-end figures for a 1M-row year:
## parsing, the call reports (fold and report: ready in ≤ 300 ms), export, and the real
## window under Xvfb (time until idle, memory held), the archive on SQLite and on a
## throw-away PostgreSQL, and saving recordings.
bench: check-go
	@./.ci/install-packages $(BUILD_PACKAGES) $(HEADLESS_PACKAGES) postgresql
	go test -run '^$$' -bench . -benchtime 3x -benchmem ./cdrclient/ ./internal/report/
	go test -run '^$$' -bench Year -benchtime 1x ./internal/workbook/
	go test -run '^$$' -bench ReportsReady -benchtime 5x ./gui/results/
	go test -run '^$$' -bench WriteCSV -benchtime 3x ./cdrclient/pbxsim/
	go test -run '^$$' -bench . -benchtime 1x ./internal/archive/postgres/
	go run -tags migrated_fynedo ./internal/bench

clean:
	rm -rf cdrdesk demo-yesterday.csv demo-last-month.xlsx rsrc_windows_amd64.syso $(DIST)

## windows: dist/cdrdesk.exe, cross-built with mingw-w64: a GUI program (no console
## window) carrying the icon, the version in its file properties and a manifest.
windows: check-go
	@./.ci/install-packages $(WINDOWS_PACKAGES)
	$(WINRES_TOOL) simply --arch amd64 --out rsrc --manifest gui --icon assets/icon.png \
	  --product-name cdrdesk --product-version "$(VERSION)$(if $(COMMIT), ($(COMMIT)))" --file-version $(VERSION).$(BUILDNO) \
	  --file-description cdrdesk --original-filename cdrdesk.exe --copyright "cdrdesk authors"
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
	  go build -trimpath -tags migrated_fynedo -ldflags "-H=windowsgui $(LDFLAGS)" -o $(DIST)/cdrdesk.exe .

## installer: dist/cdrdesk-VERSION-setup.exe (NSIS): per-user, Start menu and desktop
## shortcuts, English and Chinese, an uninstaller; upgrades keep the user's settings.
installer: windows
	@./.ci/install-packages $(INSTALLER_PACKAGES)
	@mkdir -p .cache
	convert assets/icon.png -define icon:auto-resize=256,64,48,32,16 .cache/cdrdesk.ico
	makensis -V2 -NOCD -DVERSION=$(VERSION) -DVERSION4=$(VERSION).$(BUILDNO) -DEXE=$(DIST)/cdrdesk.exe \
	  -DICON=.cache/cdrdesk.ico -DOUTFILE=$(DIST)/cdrdesk-$(VERSION)-setup.exe assets/installer/cdrdesk.nsi

## linux: dist/cdrdesk-VERSION-linux-amd64.tar.xz (fyne package): the program, its menu
## entry in English and Chinese, the icon, and a Makefile to install them.
linux: build
	@./.ci/install-packages $(LINUX_PACKAGE_PACKAGES)
	./.ci/linux-package ./cdrdesk $(DIST)/cdrdesk-$(VERSION)-linux-amd64.tar.xz $(FYNE_TOOL)

## install: put cdrdesk into this user's applications menu (~/.local); no root needed.
install: linux
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	  tar -xJf $(DIST)/cdrdesk-$(VERSION)-linux-amd64.tar.xz -C "$$tmp" && \
	  $(MAKE) --no-print-directory -C "$$tmp/cdrdesk" user-install && \
	  echo "Installed: $$HOME/.local/bin/cdrdesk, in the applications menu as cdrdesk."

## release-check: build the three artefacts and try them: the Windows build under Wine
## against the Linux build's demo PBX, the installer under Wine, the Linux package.
release-check: installer linux
	@./.ci/install-packages $(WINE_PACKAGES)
	@# -trimpath as in make windows, so the test build reuses its compiled packages.
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
	  go test -c -trimpath -tags migrated_fynedo -o .cache/cdrdesk-test.exe .
	./.ci/wine-smoke ./cdrdesk $(DIST)/cdrdesk.exe .cache/cdrdesk-test.exe
	./.ci/installer-test $(DIST)/cdrdesk-$(VERSION)-setup.exe $(DIST)/cdrdesk.exe
	./.ci/linux-package-test $(DIST)/cdrdesk-$(VERSION)-linux-amd64.tar.xz $(VERSION)
	@# The Windows window itself, connected to its built-in demo PBX: Wine draws it with
	@# Mesa's OpenGL under Xvfb.
	@rm -rf .cache/wine-gui && ./.ci/wine-prefix $(CURDIR)/.cache/wine-gui
	WINEPREFIX=$(CURDIR)/.cache/wine-gui WINEDEBUG=-all ./.ci/gui-smoke .cache/smoke-wine.png en_US.UTF-8 wine $(DIST)/cdrdesk.exe
	@WINEPREFIX=$(CURDIR)/.cache/wine-gui wineserver -k 2>/dev/null; rm -rf .cache/wine-gui

## installer-screenshots: retake the README's pictures of the installer (Wine, Xvfb).
installer-screenshots: installer
	@./.ci/install-packages $(WINE_PACKAGES) $(HEADLESS_PACKAGES) fonts-wine fonts-wqy-microhei fontconfig
	./.ci/installer-screenshots assets/screenshots $(DIST)/cdrdesk-$(VERSION)-setup.exe

## screenshots: retake the README's pictures of the real window (Xvfb, demo PBX).
screenshots: build
	@./.ci/install-packages $(HEADLESS_PACKAGES)
	./.ci/screenshots ./cdrdesk assets/screenshots
