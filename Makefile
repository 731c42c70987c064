# The commands people type.  CMake does the work underneath (build/).
BUILD ?= build
JOBS ?= 2
CMAKE_FLAGS ?=

.PHONY: all deps example test asan werror fuzz oom bench bench-quality clean format lint

all: $(BUILD)/Makefile
	cmake --build $(BUILD) -j $(JOBS)

$(BUILD)/Makefile:
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)

# Debian packages the build and tests need (run as root).
deps:
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    cmake make gcc clang pkg-config libstemmer-dev libutf8proc-dev libjansson-dev \
	    >/dev/null; \
	else echo "deps: not root or no apt-get; assuming packages are installed"; fi

# Set-up command 1: build and summarize the bundled example cluster.
example: deps all
	$(BUILD)/precis summarize --words 100 examples/cluster/

# Set-up command 2: build and run the whole test suite.
test: deps all
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The whole suite again with AddressSanitizer + UndefinedBehaviorSanitizer,
# every report fatal (-fno-sanitize-recover=all); LeakSanitizer is on, so a
# leak fails the test that leaked.  Own build directory.
ASAN_BUILD ?= build-asan
asan: deps
	cmake -S . -B $(ASAN_BUILD) -DPRECIS_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS)
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --output-on-failure -j $(JOBS)

# Warning-free with both compilers: -Werror builds with gcc and clang
# (build only; the tests run in 'test' and 'asan').
werror: deps
	cmake -S . -B build-werror-gcc -DCMAKE_C_COMPILER=gcc -DPRECIS_WERROR=ON $(CMAKE_FLAGS)
	cmake --build build-werror-gcc -j $(JOBS)
	cmake -S . -B build-werror-clang -DCMAKE_C_COMPILER=clang -DPRECIS_WERROR=ON $(CMAKE_FLAGS)
	cmake --build build-werror-clang -j $(JOBS)

clean:
	rm -rf $(BUILD) build-asan build-fuzz build-oom build-werror-gcc build-werror-clang

format:
	clang-format -i include/*.h src/*.c src/*.h cli/*.c cli/*.h tests/unit/*.c
