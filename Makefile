# The commands people type.  CMake does the work underneath (build/).
SHELL := /bin/bash
BUILD ?= build
JOBS ?= 2
CMAKE_FLAGS ?=

.PHONY: install all deps test-deps bench-deps example serve test asan werror fuzz oom bench bench-quality clean format lint

all: $(BUILD)/Makefile
	cmake --build $(BUILD) -j $(JOBS)

$(BUILD)/Makefile:
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)

# Install the tool, the libraries, the header, the manual page, precis.pc
# and the CMake package under PREFIX (staged under DESTDIR when set).
PREFIX ?= /usr/local
install: all
	DESTDIR=$(DESTDIR) cmake --install $(BUILD) --prefix $(PREFIX)

# Debian packages the build and tests need (run as root).
deps:
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    cmake make gcc clang pkg-config libstemmer-dev libutf8proc-dev libjansson-dev \
	    libxml2-dev libgumbo-dev zlib1g-dev libsqlite3-dev libmicrohttpd-dev libhiredis-dev \
	    >/dev/null; \
	else echo "deps: not root or no apt-get; assuming packages are installed"; fi

# What the tests need on top: headless Chromium renders the HTML report.
test-deps: deps
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium redis-server curl >/dev/null; \
	else echo "test-deps: not root or no apt-get; assuming chromium and redis-server are installed"; fi

# What the benchmarks compare against (peers and load generators).
bench-deps: deps
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk hyperfine python3-readability \
	    python3-sklearn >/dev/null; \
	else echo "bench-deps: not root or no apt-get; assuming the peers are installed"; fi

# Set-up command 1: build and summarize the bundled example cluster.
example: deps all
	$(BUILD)/precis summarize --words 100 examples/cluster/

# Set-up command 3: the live news desk on the example articles, at
# http://127.0.0.1:8080/ (Ctrl-C stops it; the store is news.db).
serve: deps all
	$(BUILD)/precis ingest --db news.db examples/cluster.jsonl
	$(BUILD)/precis ingest --db news.db examples/desk.jsonl
	@echo "precis: open http://127.0.0.1:8080/ -- post more with: $(BUILD)/precis ingest --url http://127.0.0.1:8080 FILE.jsonl"
	$(BUILD)/precis serve --db news.db

# Set-up command 2: build and run the whole test suite.
test: test-deps all
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The whole suite again with AddressSanitizer + UndefinedBehaviorSanitizer,
# every report fatal (-fno-sanitize-recover=all); LeakSanitizer is on, so a
# leak fails the test that leaked.  Own build directory.
# clang when present: its UBSan checks more (e.g. arithmetic on a null
# pointer) than gcc's.
ASAN_BUILD ?= build-asan
ASAN_CC ?= $(shell command -v clang >/dev/null 2>&1 && echo clang || echo gcc)
asan: test-deps
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_C_COMPILER=$(ASAN_CC) -DPRECIS_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS)
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --output-on-failure -j $(JOBS)

# libFuzzer: builds the targets of fuzz/ with clang into build-fuzz and runs
# each for FUZZ_SECONDS, one after another.  New inputs go to
# build-fuzz/corpus/TARGET (the seeds in fuzz/corpus/TARGET stay as they
# are); a crash leaves build-fuzz/artifacts/TARGET-crash-* and stops.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= fuzz_text fuzz_jsonl fuzz_multinews fuzz_split fuzz_rouge fuzz_analyze fuzz_batch fuzz_stream fuzz_ingest fuzz_html fuzz_lex
FUZZ_FLAGS ?=
FUZZ_BUILD ?= build-fuzz
fuzz: deps
	CC=clang cmake -S . -B $(FUZZ_BUILD) -DCMAKE_C_COMPILER=clang -DPRECIS_FUZZ=ON \
	  -DPRECIS_FAILALLOC=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS)
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target $(FUZZ_TARGETS)
	@for t in $(FUZZ_TARGETS); do \
	  case $$t in fuzz_rouge) max=4096;; fuzz_split|fuzz_html) max=65536;; *) max=16384;; esac; \
	  mkdir -p $(FUZZ_BUILD)/corpus/$$t $(FUZZ_BUILD)/artifacts; \
	  echo "== $$t ($(FUZZ_SECONDS) s, -max_len=$$max)"; \
	  $(FUZZ_BUILD)/fuzz/$$t -max_total_time=$(FUZZ_SECONDS) -max_len=$$max -timeout=10 \
	    -rss_limit_mb=2048 -print_final_stats=1 \
	    -artifact_prefix=$(FUZZ_BUILD)/artifacts/$$t- $(FUZZ_FLAGS) \
	    $(FUZZ_BUILD)/corpus/$$t fuzz/corpus/$$t 2>&1 | tee $(FUZZ_BUILD)/$$t.log | \
	    grep -E '^(stat::|#[0-9]+ +DONE|==[0-9]+==ERROR|SUMMARY|.*guarantee broken)' ; \
	  test $${PIPESTATUS[0]} -eq 0 || exit 1; \
	done

# Warning-free with both compilers: -Werror builds with gcc and clang
# (build only; the tests run in 'test' and 'asan').
werror: deps
	cmake -S . -B build-werror-gcc -DCMAKE_C_COMPILER=gcc -DPRECIS_WERROR=ON $(CMAKE_FLAGS)
	cmake --build build-werror-gcc -j $(JOBS)
	cmake -S . -B build-werror-clang -DCMAKE_C_COMPILER=clang -DPRECIS_WERROR=ON $(CMAKE_FLAGS)
	cmake --build build-werror-clang -j $(JOBS)

clean:
	rm -rf $(BUILD) build-asan build-fuzz build-fuzz-* build-oom build-werror-gcc build-werror-clang

format:
	clang-format -i include/*.h src/*.c src/*.h cli/*.c cli/*.h tests/unit/*.c

# Rewrite the CLI golden files from the current build (after an intended change).
golden: all
	for f in text json markdown; do $(BUILD)/precis summarize --words 120 --format $$f examples/cluster > tests/golden/example.$$f; done
	for m in lead lead-rr centroid lexrank mmr; do $(BUILD)/precis summarize --words 120 -m $$m examples/cluster > tests/golden/example.$$m.text; done
	$(BUILD)/precis stories -q tests/data/stories.jsonl > tests/golden/stories.out || test $$? -eq 1
	$(BUILD)/precis stories -q --final tests/data/stories.jsonl > tests/golden/stories.final.out || test $$? -eq 1
