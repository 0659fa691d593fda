#!/bin/sh
# subset.sh — rebuild the embedded Simplified Chinese UI fonts from Debian's
# fonts-noto-cjk collections.
#
# Usage: subset.sh REGULAR.ttc BOLD.ttc [OUTDIR]
#   e.g. subset.sh /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc \
#                  /usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc
#
# Needs Debian's python3-fonttools (run with /usr/bin/python3 so a pyenv or
# venv python without fontTools is not picked up). OUTDIR defaults to the
# directory holding this script. The output is byte-for-byte reproducible for
# the same input fonts and fontTools version: the head table timestamps are
# copied from the source (no --recalc-timestamp) and SOURCE_DATE_EPOCH is
# pinned in case any fontTools code path stamps the current time.
set -eu

PY=${PYTHON:-/usr/bin/python3}
if [ $# -lt 2 ] || [ $# -gt 3 ]; then
	echo "usage: $0 REGULAR.ttc BOLD.ttc [OUTDIR]" >&2
	exit 2
fi
REGULAR_TTC=$1
BOLD_TTC=$2
OUTDIR=${3:-$(dirname "$0")}

SOURCE_DATE_EPOCH=0
export SOURCE_DATE_EPOCH

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

# face_index TTC POSTSCRIPT_NAME prints the index of the face whose name
# table (nameID 6) matches, so we never rely on the collection's face order.
face_index() {
	"$PY" - "$1" "$2" <<'PYEOF'
import sys
from fontTools.ttLib import TTCollection
path, want = sys.argv[1], sys.argv[2]
for i, face in enumerate(TTCollection(path, lazy=True).fonts):
    if face["name"].getDebugName(6) == want:
        print(i)
        sys.exit(0)
sys.exit("no face named %s in %s" % (want, path))
PYEOF
}

# The code points to keep, one hex value per line.
"$PY" - > "$work/unicodes.txt" <<'PYEOF'
cps = set()
def span(a, b):
    cps.update(range(a, b + 1))

span(0x0020, 0x007E)  # ASCII
span(0x00A0, 0x00FF)  # Latin-1 Supplement: · ° ± © × ÷ ¥ etc.
span(0x2010, 0x2027)  # General Punctuation: dashes, “ ” ‘ ’, •, …
for cp in (0x2030, 0x2032, 0x2033, 0x203B, 0x20AC):  # ‰ ′ ″ ※ €
    cps.add(cp)
span(0x2190, 0x2193)  # ← ↑ → ↓
# ✕ (U+2715) is not in Noto Sans CJK; use × (U+00D7, kept above) instead.
for cp in (0x22EF, 0x25B2, 0x25B3, 0x25BC, 0x25BD, 0x2713):  # ⋯ ▲ △ ▼ ▽ ✓
    cps.add(cp)
span(0x3000, 0x3011)  # CJK Symbols and Punctuation: 、。〈〉《》「」『』【】
span(0x3014, 0x301F)  # 〔〕〖〗〘〙〚〛〜〝〞〟
span(0xFF01, 0xFF5E)  # Fullwidth forms: （），：；？！ etc.
span(0xFFE0, 0xFFE6)  # ￠ ￡ ￢ ￣ ￤ ￥ ￦

# GB2312: row 1 (general symbols) plus rows 16-87 (the 6763 hanzi).
for hi in [0xA1] + list(range(0xB0, 0xF8)):
    for lo in range(0xA1, 0xFF):
        try:
            ch = bytes((hi, lo)).decode("gb2312")
        except UnicodeDecodeError:
            continue  # unassigned cells, e.g. D7FA-D7FE
        cps.add(ord(ch))

for cp in sorted(cps):
    print("%04X" % cp)
PYEOF

# subset SRC_TTC POSTSCRIPT_NAME OUT
subset() {
	idx=$(face_index "$1" "$2")
	"$PY" -m fontTools.subset "$1" \
		--font-number="$idx" \
		--unicodes-file="$work/unicodes.txt" \
		--layout-features=kern \
		--no-hinting \
		--drop-tables+=VORG,vhea,vmtx \
		--name-IDs='*' \
		--name-languages=0x409 \
		--notdef-outline \
		--no-recalc-timestamp \
		--output-file="$work/out.otf"
	mv "$work/out.otf" "$3"
	echo "$3: face $idx ($2), $(wc -c < "$3") bytes"
}

subset "$REGULAR_TTC" NotoSansCJKsc-Regular "$OUTDIR/NotoSansSC-Regular-subset.otf"
subset "$BOLD_TTC" NotoSansCJKsc-Bold "$OUTDIR/NotoSansSC-Bold-subset.otf"
