#!/bin/bash
# docs/stage-graph.sh [REPO] [BUILD] -- prints the include graph (local headers) and the file-level call graph
# (from the object files' defined/undefined symbols) of src/ and service/.
cd "${1:-.}"
B=${2:-build}
echo "== includes"
for f in src/*.c src/*.h service/*.c service/*.h; do
  inc=$(grep -h '^#include "' $f | sed 's/#include "\([^"]*\)".*/\1/' | grep -v '^precis.h$' | tr '\n' ' ')
  printf '%-22s %s\n' "$(basename $f)" "$inc"
done
echo "== calls (file -> files whose functions it calls)"
declare -A def
for o in $B/CMakeFiles/precis_obj.dir/src/*.o $B/CMakeFiles/precis_service.dir/service/*.o; do
  [ -f "$o" ] || continue
  n=$(basename $o .o)
  for s in $(nm --defined-only $o | awk '$2 ~ /[TDBR]/ {print $3}'); do def[$s]=$n; done
done
for o in $B/CMakeFiles/precis_obj.dir/src/*.o $B/CMakeFiles/precis_service.dir/service/*.o; do
  [ -f "$o" ] || continue
  n=$(basename $o .o)
  out=$(for s in $(nm -u $o | awk '{print $2}'); do d=${def[$s]}; [ -n "$d" ] && [ "$d" != "$n" ] && echo $d; done | sort -u | tr '\n' ' ')
  printf '%-22s -> %s\n' "$n" "$out"
done
echo "== mutual calls (cycles of length 2)"
for o in $B/CMakeFiles/precis_obj.dir/src/*.o $B/CMakeFiles/precis_service.dir/service/*.o; do
  n=$(basename $o .o)
  for s in $(nm -u $o | awk '{print $2}'); do d=${def[$s]}; [ -n "$d" ] && [ "$d" != "$n" ] && echo "$n $d"; done
done | sort -u > /tmp/graph.$$.edges
awk '{e[$1" "$2]=1} END {for (k in e) {split(k,a," "); if ((a[2]" "a[1]) in e && a[1]<a[2]) print a[1]" <-> "a[2]}}' /tmp/graph.$$.edges | sort
echo "== cycles (strongly connected components > 1)"
python3 - /tmp/graph.$$.edges <<'PY'
import sys
from collections import defaultdict
g=defaultdict(set)
for l in open(sys.argv[1]):
    a,b=l.split(); g[a].add(b); g[b]
idx={};low={};st=[];on=set();out=[];i=[0]
sys.setrecursionlimit(10000)
def sc(v):
    idx[v]=low[v]=i[0]; i[0]+=1; st.append(v); on.add(v)
    for w in g[v]:
        if w not in idx: sc(w); low[v]=min(low[v],low[w])
        elif w in on: low[v]=min(low[v],idx[w])
    if low[v]==idx[v]:
        c=[]
        while True:
            w=st.pop(); on.discard(w); c.append(w)
            if w==v: break
        if len(c)>1: out.append(sorted(c))
for v in list(g):
    if v not in idx: sc(v)
for c in out: print(' '.join(c))
PY
rm -f /tmp/graph.$$.edges
