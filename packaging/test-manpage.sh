#!/usr/bin/env bash
# Keeps the man page of tokenbench-cli and the CLI's --help texts in agreement.
#
#   packaging/test-manpage.sh BUILD_DIR SOURCE_DIR
#
# Renders the page (BUILD_DIR/packaging/man/tokenbench-cli.1, the copy configure_file() makes, or
# else SOURCE_DIR/packaging/tokenbench-cli.1) to plain text, runs --help for every command and
# subcommand of BUILD_DIR/app/cli/tokenbench-cli, and fails (exit 1) when
#   - a long option (--[a-z][a-z0-9-]*) of a help text is missing from the rendered page, or
#   - the page names a long option that no help text offers,
# or when groff warns about the page. --help and --version are ignored (-h and -v are short options).
# Needs the tokenbench-cli target built, and groff (Debian: groff-base).
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 BUILD_DIR SOURCE_DIR" >&2
  exit 2
fi
build_dir=$1
source_dir=$2
cli="$build_dir/app/cli/tokenbench-cli"

page="$build_dir/packaging/man/tokenbench-cli.1"
[ -f "$page" ] || page="$source_dir/packaging/tokenbench-cli.1"
if [ ! -f "$page" ]; then
  echo "FAIL: no man page: neither $build_dir/packaging/man/tokenbench-cli.1 nor $page exists" >&2
  exit 1
fi
# The configured copy differs from the source only where @PLACEHOLDERS@ were filled in; say so when
# it is stale (the source was edited after the last cmake run), since the copy is what is checked.
if [ "$page" != "$source_dir/packaging/tokenbench-cli.1" ] && [ -f "$source_dir/packaging/tokenbench-cli.1" ] &&
   ! awk 'NR == FNR { src[FNR] = $0; n = FNR; next }
          { m = FNR; if (index(src[FNR], "@") == 0 && src[FNR] != $0) stale = 1 }
          END { exit (stale || n != m) ? 1 : 0 }' "$source_dir/packaging/tokenbench-cli.1" "$page"; then
  echo "note: $page is older than $source_dir/packaging/tokenbench-cli.1;" \
       "build (or re-run cmake) to refresh it" >&2
fi
if [ ! -x "$cli" ]; then
  echo "FAIL: $cli is missing: build the tokenbench-cli target first" >&2
  exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The commands whose --help is read ("" is the top level).
commands=("" token check fmt jwt "jwt decode" "jwt verify" "jwt sign"
          secret "secret set" "secret list" "secret forget" export import)
ignored=(--help --version)

# Long options of a text, one per line; a preceding letter, digit or dash is not a boundary.
long_options() {
  grep -oE -- '(^|[^A-Za-z0-9_-])--[a-z][a-z0-9-]*' "$1" | sed -E 's/^[^-]*--/--/; s/-+$//' || true
}
is_ignored() {
  local o
  for o in "${ignored[@]}"; do [ "$1" = "$o" ] && return 0; done
  return 1
}

# --- Render the page -------------------------------------------------------------------------------
# A very long line and no hyphenation keep every option on one line and in one piece; -P-c -P-b -P-u
# drop the overstriking, so bold and italic text reads as plain text.
rendered="$tmp/page.txt"
if command -v groff >/dev/null 2>&1; then
  if ! groff -man -Tutf8 -P-c -P-b -P-u -rLL=1000n -rHY=0 "$page" >"$rendered" 2>"$tmp/groff.err"; then
    echo "FAIL: groff could not render $page:" >&2
    cat "$tmp/groff.err" >&2
    exit 1
  fi
  groff -man -ww -Tutf8 -z "$page" >"$tmp/warnings" 2>&1 || true
  if [ -s "$tmp/warnings" ]; then
    echo "FAIL: groff warns about $page (groff -man -ww -Tutf8 -z):" >&2
    cat "$tmp/warnings" >&2
    exit 1
  fi
elif command -v man >/dev/null 2>&1; then
  if ! MANWIDTH=1000 MANPAGER=cat PAGER=cat man -l "$page" >"$rendered" 2>"$tmp/man.err"; then
    echo "FAIL: man -l could not render $page:" >&2
    cat "$tmp/man.err" >&2
    exit 1
  fi
else
  echo "FAIL: neither groff nor man is installed (Debian: apt-get install groff-base)" >&2
  exit 1
fi
# Hyphen, non-breaking hyphen and minus sign as the ASCII dash they stand for.
sed -i 's/\xe2\x80\x90/-/g; s/\xe2\x80\x91/-/g; s/\xe2\x88\x92/-/g' "$rendered"
if [ ! -s "$rendered" ]; then
  echo "FAIL: rendering $page produced no text" >&2
  exit 1
fi

# --- Read the help texts ---------------------------------------------------------------------------
declare -A offered_by   # option -> "token, jwt sign"
failed=0
n=0
for cmd in "${commands[@]}"; do
  n=$((n + 1))
  label="tokenbench-cli${cmd:+ $cmd} --help"
  help="$tmp/help.$n"
  # shellcheck disable=SC2086 # "jwt verify" is two arguments on purpose
  if ! timeout 60 "$cli" $cmd --help >"$help" 2>"$help.err" </dev/null; then
    echo "FAIL: $label exited with status $?:" >&2
    cat "$help.err" >&2
    failed=1
    continue
  fi
  if [ ! -s "$help" ]; then
    echo "FAIL: $label printed nothing on standard output" >&2
    failed=1
    continue
  fi
  while IFS= read -r opt; do
    is_ignored "$opt" && continue
    case ", ${offered_by[$opt]:-}, " in
      *", ${cmd:-(top level)}, "*) ;;
      *) offered_by[$opt]="${offered_by[$opt]:+${offered_by[$opt]}, }${cmd:-(top level)}" ;;
    esac
  done < <(long_options "$help" | sort -u)
done

declare -A in_page
while IFS= read -r opt; do
  is_ignored "$opt" || in_page[$opt]=1
done < <(long_options "$rendered" | sort -u)

# --- Compare -----------------------------------------------------------------------------------------
missing=()
for opt in $(printf '%s\n' "${!offered_by[@]}" | sort); do
  [ -n "${in_page[$opt]:-}" ] || missing+=("$opt")
done
unknown=()
for opt in $(printf '%s\n' "${!in_page[@]}" | sort); do
  [ -n "${offered_by[$opt]:-}" ] || unknown+=("$opt")
done

if [ ${#missing[@]} -gt 0 ]; then
  failed=1
  echo "FAIL: options of --help that $page does not document:" >&2
  for opt in "${missing[@]}"; do
    echo "  $opt    (in the --help of: ${offered_by[$opt]})" >&2
  done
fi
if [ ${#unknown[@]} -gt 0 ]; then
  failed=1
  echo "FAIL: options documented in $page that no --help offers:" >&2
  for opt in "${unknown[@]}"; do
    roff=${opt//-/\\-}
    src_lines=$(grep -nF -- "$roff" "$page" | cut -d: -f1 | paste -sd, - || true)
    echo "  $opt    (page source line(s) ${src_lines:-?}; rendered:)" >&2
    grep -nE -- "(^|[^A-Za-z0-9_-])${opt}([^a-z0-9-]|$)" "$rendered" | sed -E 's/^([0-9]+):[[:space:]]*/    text line \1: /' | head -n 5 >&2 || true
  done
fi

if [ "$failed" -ne 0 ]; then
  exit 1
fi
echo "OK: ${#offered_by[@]} long options from ${#commands[@]} --help texts are all documented in $page," \
     "and the page names no other (ignored: ${ignored[*]})."
for opt in $(printf '%s\n' "${!offered_by[@]}" | sort); do
  printf '  %-30s %s\n' "$opt" "${offered_by[$opt]}"
done
