#!/usr/bin/env bash
# 'make install' for a new user: installs the build into a temporary
# DESTDIR, then compiles and runs a small program against the installed
# library three ways: with 'pkg-config --cflags --libs precis' (shared),
# with 'pkg-config --static' and libprecis.a (static, private
# dependencies from the .pc file), and with find_package(precis) in a
# CMake project; and runs the installed tool.
# Usage: test_install.sh PRECIS TESTS_DIR SHARED_DATA
set -u
precis=$1
build=$(cd "$(dirname "$precis")" && pwd)
fail=0
pass=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
check() { # name, status (0 = ok)
  if [ "$2" -eq 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $1"; fi
}
command -v pkg-config > /dev/null || { echo "pkg-config not installed; skipped"; exit 77; }
cc=$(sed -n 's/^CMAKE_C_COMPILER:[A-Z]*=//p' "$build/CMakeCache.txt")
cflags=
if grep -q '^PRECIS_SANITIZE:BOOL=ON' "$build/CMakeCache.txt"; then
  cflags="-fsanitize=address,undefined"
fi
DESTDIR=$tmp/stage cmake --install "$build" --prefix /usr/local > "$tmp/log" 2>&1
check "cmake --install into DESTDIR" $?
root=$tmp/stage/usr/local
pc=$(find "$root" -name precis.pc | head -1)
[ -n "$pc" ]; check "precis.pc installed" $?
[ -x "$root/bin/precis" ] && [ -f "$root/include/precis.h" ]; check "tool and header installed" $?
export PKG_CONFIG_PATH=$(dirname "$pc")
pcx="pkg-config --define-variable=prefix=$root"
[ "$($pcx --modversion precis)" = "$("$precis" --version | cut -d' ' -f2)" ]
check "pkg-config version is the tool's" $?
cat > "$tmp/t.c" <<'C'
#include <precis.h>
#include <stdio.h>
#include <string.h>
int main(void)
{
    precis_cluster *c = precis_cluster_new();
    const char *a = "The river rose two meters overnight. Crews built walls of sandbags.";
    const char *b = "Crews built walls of sandbags as the river rose two meters overnight.";
    precis_article x = {.text = a, .text_len = strlen(a)}, y = {.text = b, .text_len = strlen(b)};
    if (precis_cluster_add(c, &x) || precis_cluster_add(c, &y))
        return 1;
    precis_summarizer *s = precis_summarizer_new(NULL, NULL);
    precis_summary *sum = NULL;
    char *out = NULL;
    if (!s || precis_summarize(s, c, &sum) || precis_summary_render(sum, c, PRECIS_FORMAT_TEXT, &out, NULL))
        return 1;
    printf("%s %s", precis_version_string(), out);
    precis_free(out);
    precis_summary_free(sum);
    precis_summarizer_free(s);
    precis_cluster_free(c);
    return 0;
}
C
# shared: what most users type
$cc $cflags "$tmp/t.c" -o "$tmp/t-shared" $($pcx --cflags --libs precis) 2> "$tmp/err"
check "compile with pkg-config (shared): $(cat "$tmp/err")" $?
LD_LIBRARY_PATH=$($pcx --variable=libdir precis) "$tmp/t-shared" > "$tmp/out"
check "run (shared)" $?
grep -q "^0\.[0-9.]* .*river rose two meters" "$tmp/out"; check "shared: a summary" $?
# static: libprecis.a and the private dependencies the .pc file lists
libdir=$($pcx --variable=libdir precis)
$cc $cflags "$tmp/t.c" -o "$tmp/t-static" $($pcx --cflags precis) "$libdir/libprecis.a" \
  $($pcx --static --libs-only-l precis | sed 's/-lprecis//') 2> "$tmp/err"
check "compile with pkg-config --static: $(cat "$tmp/err")" $?
"$tmp/t-static" > "$tmp/out"; check "run (static)" $?
! ldd "$tmp/t-static" | grep -q libprecis; check "static: no libprecis.so needed" $?
# CMake: find_package(precis)
mkdir -p "$tmp/proj"
cp "$tmp/t.c" "$tmp/proj/t.c"
cat > "$tmp/proj/CMakeLists.txt" <<'CM'
cmake_minimum_required(VERSION 3.16)
project(t C)
find_package(precis 0.1 REQUIRED)
add_executable(t t.c)
target_link_libraries(t PRIVATE precis::precis)
CM
cmake -S "$tmp/proj" -B "$tmp/proj/b" -DCMAKE_C_COMPILER="$cc" -DCMAKE_C_FLAGS="$cflags" \
  -DCMAKE_EXE_LINKER_FLAGS="$cflags" -DCMAKE_PREFIX_PATH="$root" > "$tmp/log" 2>&1 &&
  cmake --build "$tmp/proj/b" >> "$tmp/log" 2>&1
st=$?
[ $st -eq 0 ] || tail -20 "$tmp/log"
check "find_package(precis) builds" $st
"$tmp/proj/b/t" > "$tmp/out"; check "run (CMake)" $?
# the installed tool
"$root/bin/precis" summarize -w 20 "$(dirname "$0")/../../examples/cluster" > "$tmp/out"
check "installed precis runs" $?
echo "test_install: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
