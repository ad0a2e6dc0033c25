# Two entry points for a fresh Debian bookworm machine (see README.md):
#   make run    install what is missing, build, and start Ethos
#   make check  install what is missing, build, and run the whole test suite
# Both are idempotent. Everything else is plain meson in $(BUILDDIR).

BUILDDIR ?= _build
MESON_SETUP_ARGS ?=
ARGS ?= codes

.PHONY: deps setup build run cli check asan-test check-asan bench clean

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
	status=$$?; \
	$(MAKE) --no-print-directory asan-test || status=1; \
	python3 build-aux/test-summary.py $(BUILDDIR)/meson-logs/testlog.json \
	  $(ASAN_BUILDDIR)/meson-logs/testlog.json; exit $$status

# The sanitizer run (PRODUCT.md §5), second half of `make check`: the core and
# pdf suites, and the ethos-cli they run, built with ASan + UBSan in
# $(ASAN_BUILDDIR). Leaks count; build-aux/lsan.supp lists the only library
# internals let through. `make check-asan` runs it alone.
ASAN_BUILDDIR ?= _build-asan
SANITIZER_ENV = G_SLICE=always-malloc \
	ASAN_OPTIONS=detect_leaks=1:fast_unwind_on_malloc=0 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/build-aux/lsan.supp:print_suppressions=0 \
	UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1

asan-test: deps
	@if [ ! -f $(ASAN_BUILDDIR)/build.ninja ]; then meson setup $(ASAN_BUILDDIR) $(MESON_SETUP_ARGS) \
	  -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug; fi
	@rm -f $(ASAN_BUILDDIR)/meson-logs/testlog.json
	ninja -C $(ASAN_BUILDDIR)
	$(SANITIZER_ENV) meson test -C $(ASAN_BUILDDIR) --suite core --suite pdf --print-errorlogs \
	  --num-processes 2

check-asan:
	$(MAKE) --no-print-directory asan-test; \
	status=$$?; python3 build-aux/test-summary.py $(ASAN_BUILDDIR)/meson-logs/testlog.json; exit $$status

bench: build
	ninja -C $(BUILDDIR) bench-programs
	$(BUILDDIR)/bench/bench-search
	$(BUILDDIR)/bench/bench-forms 200 $(BUILDDIR)/src/cli/ethos-cli
	$(BUILDDIR)/bench/bench-pdf
	$(BUILDDIR)/bench/bench-preview
	GSK_RENDERER=cairo xvfb-run -a -s "-screen 0 1280x800x24" $(BUILDDIR)/bench/bench-preview-window
	xvfb-run -a -s "-screen 0 1280x800x24" $(BUILDDIR)/bench/bench-startup

clean:
	rm -rf $(BUILDDIR)
