#!/usr/bin/env bash
# Builds a corpus of real English documents from what is installed on this machine, for
# `footnote bench --corpus DIR` (issue 12). Nothing is downloaded and nothing is committed:
#   scripts/build-real-corpus.sh /tmp/real-corpus 20
# Sources, in this order, until the size (MB, default 20) is reached:
#   Python's language reference (pydoc_data topics, one .txt per topic), /usr/share/common-licenses,
#   Markdown from node_modules, README/*.txt/*.md files from /usr/share/doc (plain and gzipped; change
#   logs and files over 512 KB left out, they are lists rather than prose), and manual pages rendered
#   to text at 80 columns.
set -euo pipefail
target="${1:?usage: build-real-corpus.sh DIR [MEGABYTES]}"
megabytes="${2:-20}"
limit=$((megabytes * 1024 * 1024))
root="$(cd "$(dirname "$0")/.." && pwd)"
mkdir -p "$target"
total=$(du -sb "$target" | cut -f1)

# add NAME < content: writes one document unless the corpus is full (exit status 1 once it is).
add() {
  local name="$1" file="$target/$1"
  [ "$total" -lt "$limit" ] || return 1
  mkdir -p "$(dirname "$file")"
  cat >"$file"
  local size
  size=$(stat -c %s "$file")
  if [ "$size" -lt 200 ]; then rm -f "$file"; return 0; fi
  total=$((total + size))
}
scratch="$(mktemp)"
trap 'rm -f "$scratch"' EXIT
safe() { printf '%s' "$1" | tr -c 'A-Za-z0-9._-' '_'; }

if command -v python3 >/dev/null; then
  python3 - "$target/python-reference" <<'PY'
import os, sys
import pydoc_data.topics as topics
folder = sys.argv[1]
os.makedirs(folder, exist_ok=True)
for name, text in sorted(topics.topics.items()):
    with open(os.path.join(folder, f"{name}.txt"), "w", encoding="utf-8") as out:
        out.write(text)
PY
  total=$(du -sb "$target" | cut -f1)
fi

for file in /usr/share/common-licenses/*; do
  [ -f "$file" ] && ! [ -L "$file" ] || continue
  add "licenses/$(basename "$file").txt" <"$file" || break
done

while IFS= read -r file; do
  relative="${file#"$root"/node_modules/}"
  add "node-modules/$(safe "$relative")" <"$file" || break
done < <(find "$root/node_modules" -type f -name '*.md' -size +1k | LC_ALL=C sort)

while IFS= read -r file; do
  relative="${file#/usr/share/doc/}"
  case "$file" in
    *.gz) zcat "$file" >"$scratch" 2>/dev/null || continue; add "usr-share-doc/$(safe "${relative%.gz}").txt" <"$scratch" || break ;;
    *.md) add "usr-share-doc/$(safe "$relative")" <"$file" || break ;;
    *) add "usr-share-doc/$(safe "$relative").txt" <"$file" || break ;;
  esac
done < <(find /usr/share/doc -type f \( -iname 'README*' -o -name '*.txt' -o -name '*.md' \) ! -iname '*changelog*' -size +1k -size -512k | LC_ALL=C sort)

if command -v man >/dev/null && [ "$total" -lt "$limit" ]; then
  while IFS= read -r page; do
    name="$(basename "$page" .gz)"
    MANWIDTH=80 man -P cat -l "$page" 2>/dev/null | col -bx >"$scratch" 2>/dev/null || continue
    add "man/$(safe "$name").txt" <"$scratch" || break
  done < <(find /usr/share/man/man1 /usr/share/man/man5 /usr/share/man/man7 -type f -name '*.gz' 2>/dev/null | LC_ALL=C sort)
fi

echo "$(find "$target" -type f | wc -l) documents, $((total / 1024 / 1024)) MB in $target"
