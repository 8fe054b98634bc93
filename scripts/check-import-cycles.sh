#!/usr/bin/env bash
# Fails when two modules import each other, directly or through others, so
# that dependencies keep pointing one way (docs/ARCHITECTURE.md, house rules).
#
#   scripts/check-import-cycles.sh                     # app/src/domain app/src/document app/src/api app/src/ui server/src
#   scripts/check-import-cycles.sh app/src/domain      # only these folders
#
# A module is a file; a folder's mod.rs (or a crate's lib.rs) is the folder.
# It reads every path that starts with `crate::`, `super::` or `self::` (in
# `use` lines, grouped ones included, and in code), and `use child::…` of a
# child module, outside comments and strings; paths inside an inline
# `mod tests { … }` count for the file. A path names the longest module it
# starts with. Only references between modules in the given folders count.
# Not seen: bare paths in code such as `home::HomePage` in ui/mod.rs, and
# macros that build paths.
#
# Prints every cycle (a pair that import each other, and the modules of any
# longer cycle, with one route round it) with the lines that make it, and
# exits 1; exits 0 when there is none.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -eq 0 ]; then
    set -- app/src/domain app/src/document app/src/api app/src/ui server/src
fi
for dir in "$@"; do
    if [ ! -d "$dir" ]; then
        echo "check-import-cycles: no such folder: $dir" >&2
        exit 2
    fi
done

exec python3 - "$@" <<'PYTHON'
import os
import re
import sys

dirs = [os.path.normpath(d) for d in sys.argv[1:]]


def crate_src(path):
    """The src folder of the crate a folder belongs to."""
    here = os.path.abspath(path)
    while here != "/":
        if os.path.isfile(os.path.join(here, "Cargo.toml")) and os.path.isdir(os.path.join(here, "src")):
            return os.path.relpath(os.path.join(here, "src"))
        here = os.path.dirname(here)
    sys.exit(f"check-import-cycles: {path} is in no crate")


def module_of(src, file):
    parts = os.path.relpath(file, src)[: -len(".rs")].split(os.sep)
    if parts[-1] in ("mod", "lib", "main"):
        parts = parts[:-1]
    return tuple(parts)


def rust_files(folder):
    for root, _, names in os.walk(folder):
        for name in sorted(names):
            if name.endswith(".rs"):
                yield os.path.join(root, name)


def code_only(text):
    """The text with comments, strings and char literals blanked (lines kept)."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            depth, i = 1, i + 2
            while i < n and depth:
                if text.startswith("/*", i):
                    depth, i = depth + 1, i + 2
                elif text.startswith("*/", i):
                    depth, i = depth - 1, i + 2
                else:
                    out.append("\n" if text[i] == "\n" else "")
                    i += 1
        elif c == "r" and re.match(r'r#*"', text[i:]) and not (i and (text[i - 1].isalnum() or text[i - 1] == "_")):
            hashes = re.match(r'r(#*)"', text[i:]).group(1)
            end = text.find('"' + hashes, i + 2 + len(hashes))
            end = n if end < 0 else end + 1 + len(hashes)
            out.append('""' + "\n" * text.count("\n", i, end))
            i = end
        elif c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            out.append('""' + "\n" * text.count("\n", i, j))
            i = j + 1
        elif c == "'":
            m = re.match(r"'(\\.[^']*|[^\\'])'", text[i:])
            if m:
                out.append("' '")
                i += m.end()
            else:  # a lifetime
                out.append(c)
                i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


TOKEN = re.compile(r"\n|[A-Za-z_][A-Za-z0-9_]*|::|\S")


def tokens(code):
    line = 1
    for m in TOKEN.finditer(code):
        if m.group() == "\n":
            line += 1
        else:
            yield m.group(), line


def use_paths(toks):
    """Expands a use tree (the tokens between `use` and `;`) into paths."""
    paths, pos = [], 0

    def tree(prefix):
        nonlocal pos
        path = list(prefix)
        while pos < len(toks):
            t = toks[pos]
            if t == "{":
                pos += 1
                while pos < len(toks) and toks[pos] != "}":
                    tree(path)
                    if pos < len(toks) and toks[pos] == ",":
                        pos += 1
                pos += 1
                return
            if t in (",", "}"):
                break
            if t == "as":
                pos += 2
                break
            if t != "::":
                path.append(t)
            pos += 1
        paths.append(path)

    tree([])
    return paths


def references(file, module, modules):
    """(target module, line, path text) for every path in the file."""
    toks = list(tokens(code_only(open(file, encoding="utf-8").read())))
    inline, depth, found, i = [], 0, [], 0

    def resolve(path, line):
        here = list(module) + [name for name, _ in inline]
        if path[0] == "crate":
            base, rest = [], path[1:]
        elif path[0] in ("self", "super"):
            base, rest = here, path
            while rest and rest[0] in ("self", "super"):
                if rest[0] == "super":
                    base = base[:-1]
                rest = rest[1:]
        elif tuple(here + path[:1]) in modules:  # `use child::…`
            base, rest = here, path
        else:
            return
        full = [p for p in base + rest if p != "*"]
        for k in range(len(full), -1, -1):
            if tuple(full[:k]) in modules:
                found.append((tuple(full[:k]), line, "::".join(path)))
                return

    while i < len(toks):
        t, line = toks[i]
        if t == "mod" and i + 2 < len(toks) and toks[i + 2][0] == "{":
            inline.append((toks[i + 1][0], depth))
            depth += 1
            i += 3
            continue
        if t == "{":
            depth += 1
        elif t == "}":
            depth -= 1
            if inline and inline[-1][1] == depth:
                inline.pop()
        elif t == "use":
            j, level = i + 1, 0
            while j < len(toks) and not (toks[j][0] == ";" and level == 0):
                level += {"{": 1, "}": -1}.get(toks[j][0], 0)
                j += 1
            for path in use_paths([tok for tok, _ in toks[i + 1 : j]]):
                if path:
                    resolve(path, line)
            i = j + 1
            continue
        elif t in ("crate", "super", "self") and i + 1 < len(toks) and toks[i + 1][0] == "::":
            path, j = [t], i + 1
            while j + 1 < len(toks) and toks[j][0] == "::" and re.match(r"[A-Za-z_]", toks[j + 1][0]):
                path.append(toks[j + 1][0])
                j += 2
            resolve(path, line)
            i = j
            continue
        i += 1
    return found


def name(crate, module):
    return crate + ("::" + "::".join(module) if module else "")


# Every module of every crate involved, so that paths resolve; edges only
# between modules in the folders asked for.
edges = {}  # (from, to) -> [(file, line, path)]
nodes = set()
for src in sorted({crate_src(d) for d in dirs}):
    crate = os.path.basename(os.path.dirname(os.path.abspath(src)))
    files = {module_of(src, f): f for f in rust_files(src) if os.path.basename(f) != "main.rs"}
    modules = set(files)
    for module, file in sorted(files.items()):
        if not any(os.path.commonpath([os.path.abspath(file), os.path.abspath(d)]) == os.path.abspath(d) for d in dirs):
            continue
        nodes.add(name(crate, module))
        for target, line, text in references(file, module, modules):
            if target == module:
                continue
            target_file = files[target]
            if not any(os.path.commonpath([os.path.abspath(target_file), os.path.abspath(d)]) == os.path.abspath(d) for d in dirs):
                continue
            edges.setdefault((name(crate, module), name(crate, target)), []).append((file, line, text))

graph = {}
for a, b in edges:
    graph.setdefault(a, set()).add(b)


def strongly_connected():
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on.discard(w)
                component.append(w)
                if w == v:
                    break
            out.append(sorted(component))

    sys.setrecursionlimit(10000)
    for v in sorted(nodes):
        if v not in index:
            visit(v)
    return [c for c in out if len(c) > 1]


def show(a, b):
    file, line, text = edges[(a, b)][0]
    more = len(edges[(a, b)]) - 1
    return f"    {a} -> {b}   ({file}:{line} {text}{f', and {more} more' if more else ''})"


def route(component):
    """A cycle of three or more modules inside the component, if any."""
    inside = set(component)

    def walk(path):
        for w in sorted(graph.get(path[-1], ())):
            if w == path[0] and len(path) > 2:
                return path + [w]
            if w in inside and w not in path and w > path[0]:
                found = walk(path + [w])
                if found:
                    return found
        return None

    for start in component:
        found = walk([start])
        if found:
            return found
    return None


cycles = strongly_connected()
for component in sorted(cycles):
    members = set(component)
    pairs = sorted((a, b) for a, b in edges if a < b and a in members and (b, a) in edges)
    for a, b in pairs:
        print(f"cycle: {a} <-> {b}")
        print(show(a, b))
        print(show(b, a))
    cycle = route(component) if len(component) > 2 else None
    if cycle:
        print(f"cycle among {len(component)} modules: {', '.join(component)}")
        print("  for example: " + " -> ".join(cycle))
        for a, b in zip(cycle, cycle[1:]):
            print(show(a, b))
if cycles:
    print(f"check-import-cycles: {len(cycles)} group(s) of modules import each other in {' '.join(dirs)}", file=sys.stderr)
    sys.exit(1)
print(f"check-import-cycles: no import cycles among the {len(nodes)} modules in {' '.join(dirs)}")
PYTHON
