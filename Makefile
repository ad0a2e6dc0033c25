# Two entry points for a fresh Debian bookworm machine (see README.md):
#   make run    install what is missing, build, and start Ethos
#   make check  install what is missing, build, and run the whole test suite
# Both are idempotent. Everything else is plain meson in $(BUILDDIR).

BUILDDIR ?= _build
MESON_SETUP_ARGS ?=
ARGS ?= codes

.PHONY: deps setup build run cli check bench clean

deps:
	@bash build-aux/install-deps.sh

setup: deps
	@if [ ! -f $(BUILDDIR)/build.ninja ]; then meson setup $(BUILDDIR) $(MESON_SETUP_ARGS); fi

build: setup
	ninja -C $(BUILDDIR)

# The window, straight from the build tree (it finds its data and settings
# schema there).
run: build
	$(BUILDDIR)/src/app/ethos

# The command line: make cli ARGS="show nohs 3", make cli ARGS="search 'dual relationships'".
cli: build
	$(BUILDDIR)/src/cli/ethos-cli $(ARGS)

check: build
	xvfb-run -a -s "-screen 0 1280x800x24" meson test -C $(BUILDDIR) --print-errorlogs --num-processes 2; \
	status=$$?; python3 build-aux/test-summary.py $(BUILDDIR)/meson-logs/testlog.json; exit $$status

bench: build
	ninja -C $(BUILDDIR) bench-programs
	$(BUILDDIR)/bench/bench-search
	$(BUILDDIR)/bench/bench-forms 200 $(BUILDDIR)/src/cli/ethos-cli
	$(BUILDDIR)/bench/bench-pdf
	xvfb-run -a -s "-screen 0 1280x800x24" $(BUILDDIR)/bench/bench-startup

clean:
	rm -rf $(BUILDDIR)
