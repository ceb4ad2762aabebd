#!/bin/sh
# make-fixtures.sh — regenerate the import fixtures in tests/data/ from the corpus reports.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The outputs are committed; CI never runs this script. Run it by hand after changing it:
#
#   tests/data/make-fixtures.sh [CORPUS_REPORTS_DIR]
#
# Needs (Debian 12): pandoc, libreoffice-writer-nogui, fonts-noto-cjk, iconv (libc-bin),
# zip, python3 (only its zipfile/re modules, to write one hand-made DOCX) and coreutils.
#
# What it makes, for each report NAME in the corpus:
#   NAME.txt            the UTF-8 original, copied
#   NAME.gb18030.txt    iconv -t GB18030
#   NAME.html           a government web page around the report: <script>, <style>, a <nav>
#                       menu, a breadcrumb, share bar, search form and a copyright footer; the
#                       report's lines are <p> elements.  pingshan and wuhan are GB18030 bytes
#                       declared as gb2312/GBK, the others UTF-8.
#   NAME.docx           pandoc, one paragraph per line of the .txt (headings stay written text)
#   NAME.pdf            LibreOffice headless conversion of NAME.docx
# and these variants:
#   pudong-2023-numbered.docx     hand-written WordprocessingML where 一、/（一） are real Word
#                                 list numbering (chineseCounting; level 1 through the paragraph
#                                 style, level 2 through direct numPr), with a tracked deletion,
#                                 a hidden run, header text and a "— PAGE —" footer
#   pudong-2023-numbered-lo.docx  the same document (without the tracked change) re-saved by
#                                 LibreOffice, i.e. numbering as LibreOffice writes it
#   pudong-2023-numbered.pdf      LibreOffice PDF of the -lo docx: first-line indents, no
#                                 paragraph spacing, running header and page numbers
#   wuhan-2021.utf16le-bom.txt    UTF-16LE with BOM
#   pudong-2023.utf16le.txt       UTF-16LE without BOM
#   zhangzhou-2023.utf8-bom.txt   UTF-8 with BOM
#   wuhan-2021.gb18030-crlf.txt   GB18030 with CRLF line ends
# broken or refused inputs:
#   empty.txt (0 bytes), whitespace.txt, binary.txt (4 KiB of /bin/true, the extension lies),
#   invalid-utf8.txt (Latin-1 mixed with random high bytes), truncated.docx (first half of
#   kaiping-2025.docx), truncated.pdf (first third of wuhan-2021.pdf), not-a-docx.docx (a zip
#   archive without word/document.xml), scanned.pdf (a page with only a picture, no
#   text layer: a DOCX holding only a picture), encrypted.pdf (LibreOffice export with an open password).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
corpus=${1:-$here/../../../shared/corpus/reports}
corpus=$(cd "$corpus" && pwd)
reports="kaiping-2025 pingshan-2024 pudong-2023 wuhan-2021 zhangzhou-2023"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
# LibreOffice must not touch the developer's profile.
export HOME="$work/home"
mkdir -p "$HOME"
soffice_convert () # FORMAT OUTDIR FILE...
{
  fmt=$1; out=$2; shift 2
  soffice --headless --norestore "-env:UserInstallation=file://$work/lo-profile" \
    --convert-to "$fmt" --outdir "$out" "$@" >/dev/null 2>&1
}

html_escape ()
{
  sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e 's/\xc2\xa0/\&nbsp;/g'
}

# Each non-blank line of the report becomes a <p>; 一、 headings are in <strong>.
report_paragraphs ()
{
  html_escape < "$1" | while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in
      *[![:space:]]*) ;;
      *) continue ;;
    esac
    if printf '%s\n' "$line" | grep -q -E '^[[:space:]]*[一二三四五六七八九十]+、'; then
      printf '<p style="text-indent:2em"><strong>%s</strong></p>\n' "$line"
    else
      printf '<p style="text-indent:2em">%s</p>\n' "$line"
    fi
  done
}

make_html () # NAME CHARSET-DECLARATION
{
  name=$1; meta=$2
  cat <<EOF
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
$meta
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>法治政府建设年度报告_政务公开</title>
<link rel="stylesheet" href="/css/common.css" />
<style type="text/css">
body { font-family: "Microsoft YaHei", sans-serif; } .nav li { float: left; } /* 样式表注释 */
</style>
<script type="text/javascript">
var _hmt = _hmt || []; (function () { var hm = document.createElement("script"); hm.src = "https://hm.example/hm.js"; })();
document.write("<span>脚本写入的文字</span>");
</script>
</head>
<body>
<div class="header">
  <div class="logo"><img src="/images/logo.png" alt="门户网站标志" /></div>
  <div class="top-links"><a href="/wza/">无障碍浏览</a> | <a href="/old/">长者模式</a> | <a href="/map/">网站地图</a></div>
</div>
<nav class="main-nav"><ul>
  <li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>
  <li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li>
</ul></nav>
<div class="search"><form action="/search"><input type="text" name="q" value="请输入关键词" /><select name="scope"><option>全站搜索</option></select><button type="submit">搜索按钮</button></form></div>
<div class="breadcrumb">首页 &gt; 政务公开 &gt; 法治政府建设 &gt; 年度报告</div>
<div class="wrapper"><div class="main-content">
<div class="TRS_Editor">
$(report_paragraphs "$corpus/$name.txt")
</div>
<div class="share-bar">分享到：微信 微博 QQ空间</div>
<noscript>您的浏览器不支持脚本</noscript>
<iframe src="/related.html">相关文章框架</iframe>
</div></div>
<div id="footer">
  <p>版权所有：本机关门户网站 &copy; 2024 主办单位：本级人民政府办公室</p>
  <p>ICP备案号：京ICP备00000000号 网站标识码：0000000000</p>
</div>
<script type="text/javascript">window.__stat && window.__stat("页面统计");</script>
</body>
</html>
EOF
}

cd "$here"

for name in $reports; do
  src="$corpus/$name.txt"
  cp "$src" "$name.txt"
  chmod 644 "$name.txt"
  iconv -f UTF-8 -t GB18030 "$src" > "$name.gb18030.txt"

  case "$name" in
    pingshan-2024)
      make_html "$name" '<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />' \
        | iconv -f UTF-8 -t GB18030 > "$name.html" ;;
    wuhan-2021)
      make_html "$name" '<meta charset="GBK">' | iconv -f UTF-8 -t GB18030 > "$name.html" ;;
    *)
      make_html "$name" '<meta charset="utf-8" />' > "$name.html" ;;
  esac

  # pandoc sees one <p> per line of the report and writes one Word paragraph for each.
  { printf '<html><head><meta charset="utf-8"/></head><body>\n'
    report_paragraphs "$src"
    printf '</body></html>\n'; } > "$work/$name.in.html"
  pandoc -f html -t docx -o "$name.docx" "$work/$name.in.html"
  soffice_convert pdf "$work" "$name.docx"
  cp "$work/$name.pdf" "$name.pdf"
done

# The hand-made DOCX with real list numbering.
write_numbered_docx () # OUT TRACKED(0/1)
{
  /usr/bin/python3 - "$corpus/pudong-2023.txt" "$1" "$2" <<'PYEOF'
import re, sys, zipfile
from xml.sax.saxutils import escape

src, out, tracked = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
lvl1 = re.compile(r'^\s*[一二三四五六七八九十]+、\s*')
lvl2 = re.compile(r'^\s*[(（][一二三四五六七八九十]+[)）]\s*')

def run(text):
    return '<w:r><w:t xml:space="preserve">%s</w:t></w:r>' % escape(text)

body = []
lines = [l.strip() for l in open(src, encoding='utf-8') if l.strip()]
for i, line in enumerate(lines):
    if i == 0:
        body.append('<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr>%s</w:p>' % run(line))
    elif lvl1.match(line):
        body.append('<w:p><w:pPr><w:pStyle w:val="PcHeading1"/></w:pPr>%s</w:p>'
                    % run(lvl1.sub('', line)))
    elif lvl2.match(line):
        text = lvl2.sub('', line)
        cut = text.find('。')
        runs = run(text[:cut + 1]) + run(text[cut + 1:]) if cut > 0 else run(text)
        body.append('<w:p><w:pPr><w:pStyle w:val="BodyIndent"/><w:numPr><w:ilvl w:val="1"/>'
                    '<w:numId w:val="1"/></w:numPr><w:ind w:firstLine="640"/></w:pPr>%s</w:p>' % runs)
    else:
        body.append('<w:p><w:pPr><w:pStyle w:val="BodyIndent"/></w:pPr>%s</w:p>' % run(line))
    if tracked and i == 3:
        body[-1] = body[-1].replace('</w:p>',
            '<w:del w:id="1" w:author="审校" w:date="2024-02-01T00:00:00Z"><w:r>'
            '<w:delText>【已删除的修订文字】</w:delText></w:r></w:del>'
            '<w:r><w:rPr><w:vanish/></w:rPr><w:t>【隐藏文字】</w:t></w:r></w:p>')

document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document %s><w:body>%s'
            '<w:sectPr><w:headerReference w:type="default" r:id="rIdHdr"/>'
            '<w:footerReference w:type="default" r:id="rIdFtr"/>'
            '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" '
            'w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>'
            % (W, ''.join(body)))

lvl = ('<w:lvl w:ilvl="%d"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>%s'
       '<w:suff w:val="nothing"/><w:lvlText w:val="%s"/><w:lvlJc w:val="left"/>'
       '<w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl>')
numbering = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering %s>'
             '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>%s%s'
             '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
             % (W, lvl % (0, '<w:pStyle w:val="PcHeading1"/>', '%1、'), lvl % (1, '', '（%2）')))

serif = '<w:rFonts w:ascii="Noto Serif CJK SC" w:hAnsi="Noto Serif CJK SC" w:eastAsia="Noto Serif CJK SC"/>'
sans = '<w:rFonts w:ascii="Noto Sans CJK SC" w:hAnsi="Noto Sans CJK SC" w:eastAsia="Noto Sans CJK SC"/>'
styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles %s>'
          '<w:docDefaults><w:rPrDefault><w:rPr>%s<w:sz w:val="32"/><w:lang w:eastAsia="zh-CN"/></w:rPr>'
          '</w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="560" w:lineRule="exact"/>'
          '<w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>'
          '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
          '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>'
          '<w:pPr><w:jc w:val="center"/><w:spacing w:after="560"/></w:pPr><w:rPr>%s<w:b/><w:sz w:val="44"/></w:rPr></w:style>'
          '<w:style w:type="paragraph" w:styleId="BodyIndent"><w:name w:val="Body Indent"/><w:basedOn w:val="Normal"/>'
          '<w:pPr><w:ind w:firstLine="640"/></w:pPr></w:style>'
          '<w:style w:type="paragraph" w:styleId="PcHeading1"><w:name w:val="Pc Heading 1"/><w:basedOn w:val="Normal"/>'
          '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:ind w:firstLine="640"/></w:pPr><w:rPr>%s</w:rPr></w:style>'
          '</w:styles>' % (W, serif, sans, sans))

header = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr %s><w:p><w:pPr><w:jc w:val="right"/></w:pPr>'
          '<w:r><w:rPr><w:sz w:val="21"/></w:rPr><w:t>浦东新区应急管理局 · 政务公开</w:t></w:r></w:p></w:hdr>' % W)
footer = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr %s><w:p><w:pPr><w:jc w:val="center"/></w:pPr>'
          '<w:r><w:t xml:space="preserve">— </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
          '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
          '<w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
          '<w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>' % W)

ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
      '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
      '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
      '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
      '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
      '</Types>')
rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        '</Relationships>')
R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
doc_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rIdSty" Type="%sstyles" Target="styles.xml"/>'
            '<Relationship Id="rIdNum" Type="%snumbering" Target="numbering.xml"/>'
            '<Relationship Id="rIdHdr" Type="%sheader" Target="header1.xml"/>'
            '<Relationship Id="rIdFtr" Type="%sfooter" Target="footer1.xml"/>'
            '</Relationships>' % (R, R, R, R))

with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
    for name, data in (('[Content_Types].xml', ct), ('_rels/.rels', rels),
                       ('word/document.xml', document), ('word/_rels/document.xml.rels', doc_rels),
                       ('word/styles.xml', styles), ('word/numbering.xml', numbering),
                       ('word/header1.xml', header), ('word/footer1.xml', footer)):
        info = zipfile.ZipInfo(name, date_time=(2024, 2, 20, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, data)
PYEOF
}

write_numbered_docx pudong-2023-numbered.docx 1
mkdir -p "$work/lo"
write_numbered_docx "$work/lo/pudong-2023-numbered-lo.docx" 0
mkdir -p "$work/lo-out"
soffice_convert 'docx:MS Word 2007 XML' "$work/lo-out" "$work/lo/pudong-2023-numbered-lo.docx"
cp "$work/lo-out/pudong-2023-numbered-lo.docx" pudong-2023-numbered-lo.docx
soffice_convert pdf "$work/lo-out" pudong-2023-numbered-lo.docx
cp "$work/lo-out/pudong-2023-numbered-lo.pdf" pudong-2023-numbered.pdf

# Encoding variants.
{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$corpus/wuhan-2021.txt"; } > wuhan-2021.utf16le-bom.txt
iconv -f UTF-8 -t UTF-16LE "$corpus/pudong-2023.txt" > pudong-2023.utf16le.txt
{ printf '\357\273\277'; cat "$corpus/zhangzhou-2023.txt"; } > zhangzhou-2023.utf8-bom.txt
sed -e 's/$/\r/' "$corpus/wuhan-2021.txt" | iconv -f UTF-8 -t GB18030 > wuhan-2021.gb18030-crlf.txt

# Broken and refused inputs.
: > empty.txt
printf '  \n\t\r\n   \n' > whitespace.txt
head -c 4096 /bin/true > binary.txt
{ printf 'Caf\351 cr\350me br\373l\351e, na\357ve fa\347ade \n'
  printf '\351\340\350\371\364\342\356\373\253\273\247\260\261\262\263\265\266\267\270\271\272\274\275\276\277\n'
  printf '\344\375\376\321\362\363\305\306\307\310\311\312\313\314\315\316\317\320 \327\330\331\332\333\334\335\336\337\n'
  printf 'plain ASCII line with a stray \377\376\375 run and \201\202\203 more\n'; } > invalid-utf8.txt
size=$(stat -c %s kaiping-2025.docx)
head -c $((size / 2)) kaiping-2025.docx > truncated.docx
size=$(stat -c %s wuhan-2021.pdf)
head -c $((size / 3)) wuhan-2021.pdf > truncated.pdf
printf 'This archive holds no Word document.\n' > "$work/readme.txt"
(cd "$work" && zip -q -X not-a-docx.zip readme.txt)
cp "$work/not-a-docx.zip" not-a-docx.docx

# A "scanned" page: a picture of text lines and nothing else, so the PDF has no text layer.
/usr/bin/python3 - "$work/scan.png" <<'PYEOF'
import struct, sys, zlib
w, h = 620, 877
rows = []
for y in range(h):
    dark = 60 <= y < 820 and (y - 60) % 24 < 9 and not (y > 700 and (y - 60) % 48 < 24)
    row = bytes([0]) + bytes(70 if dark and 60 <= x < 560 else 244 for x in range(w))
    rows.append(row)
def chunk(kind, data):
    return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data))
png = (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 0, 0, 0, 0))
       + chunk(b'IDAT', zlib.compress(b''.join(rows), 9)) + chunk(b'IEND', b''))
open(sys.argv[1], 'wb').write(png)
PYEOF
printf '<html><body><p><img src="%s" style="width:16cm"/></p></body></html>\n' "$work/scan.png" \
  > "$work/scanned.html"
pandoc -f html -t docx -o "$work/scanned.docx" "$work/scanned.html"
soffice_convert pdf "$work" "$work/scanned.docx"
cp "$work/scanned.pdf" scanned.pdf

soffice_convert 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}' \
  "$work/lo-out" pudong-2023.docx
cp "$work/lo-out/pudong-2023.pdf" encrypted.pdf

ls -l "$here" | sed 1d
du -sh "$here"
