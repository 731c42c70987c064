# The commands people type.  CMake does the work underneath (build/).
BUILD ?= build
JOBS ?= 2
CMAKE_FLAGS ?=

.PHONY: all deps example test asan fuzz bench bench-quality clean format lint

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

clean:
	rm -rf $(BUILD) build-asan build-fuzz

format:
	clang-format -i include/*.h src/*.c src/*.h cli/*.c cli/*.h tests/unit/*.c
