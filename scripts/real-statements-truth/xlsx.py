# Ground truth for walletsec's real-statement tests: an independent Python reading of the sample
# files (stdlib only, no walletsec code). See README.md in this folder.
"""Minimal XLSX reader (stdlib only): shared + inline strings, numbers, date style detection."""
import zipfile, re, xml.etree.ElementTree as ET
NS = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
R = '{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id'

def col_index(ref):
    letters = re.match(r'[A-Z]+', ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1

def _text(el):
    return ''.join(t.text or '' for t in el.iter('{%s}t' % NS['m']))

def sheets(path):
    z = zipfile.ZipFile(path)
    names = z.namelist()
    shared = []
    if 'xl/sharedStrings.xml' in names:
        root = ET.fromstring(z.read('xl/sharedStrings.xml'))
        shared = [_text(si) for si in root.findall('m:si', NS)]
    wb = ET.fromstring(z.read('xl/workbook.xml'))
    rels = ET.fromstring(z.read('xl/_rels/workbook.xml.rels'))
    target = {r.get('Id'): r.get('Target') for r in rels}
    out = []
    for s in wb.find('m:sheets', NS):
        t = target[s.get(R)].lstrip('/')
        if not t.startswith('xl/'):
            t = 'xl/' + t
        root = ET.fromstring(z.read(t))
        rows = []
        for row in root.iter('{%s}row' % NS['m']):
            r = int(row.get('r')) - 1 if row.get('r') else len(rows)
            cells = {}
            for c in row.findall('m:c', NS):
                ref = c.get('r'); typ = c.get('t'); v = c.find('m:v', NS)
                if typ == 's':
                    val = shared[int(v.text)]
                elif typ == 'inlineStr':
                    val = _text(c.find('m:is', NS))
                elif v is not None:
                    val = ('num', v.text, c.get('s'))
                else:
                    val = ''
                cells[col_index(ref)] = val
            n = max(cells) + 1 if cells else 0
            rows.append((r, [cells.get(i, '') for i in range(n)]))
        out.append((s.get('name'), rows))
    return out
