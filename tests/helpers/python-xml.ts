import { spawnSync } from 'node:child_process';

/**
 * Python's own XML parser (xml.etree.ElementTree, the reader the issue tried OPML with) reading a
 * file we wrote: OPML outlines by `text`, FreeMind/Freeplane nodes by `TEXT` (or their rich text),
 * XMind 8 content.xml topics by title, as a tree of labels (Freeplane's summary group nodes left
 * out: they are summaries, not topics). Null when python3 is not installed.
 */
export interface LabelTree {
  label: string;
  children: LabelTree[];
}

const SCRIPT = String.raw`
import json, sys, xml.etree.ElementTree as ET
kind = sys.argv[1]
root = ET.fromstring(sys.stdin.buffer.read())
def local(tag): return tag.split('}')[-1]
def kids(e, name): return [c for c in e if local(c.tag) == name]
def text_of(e): return ''.join(e.itertext())
def opml(e): return {'label': e.get('text', ''), 'children': [opml(c) for c in kids(e, 'outline')]}
def mm(e):
    label = e.get('TEXT')
    if label is None:
        rich = [r for r in kids(e, 'richcontent') if r.get('TYPE') == 'NODE']
        label = '\n'.join(p.text or '' for p in rich[0].iter() if local(p.tag) == 'p') if rich else ''
    return {'label': label, 'children': [mm(c) for c in kids(e, 'node') if not summary_part(c)]}
def summary_part(e): return any(h.get('NAME') in ('FirstGroupNode', 'SummaryNode') for h in kids(e, 'hook'))
def xm(e):
    title = kids(e, 'title')
    children = []
    for ch in kids(e, 'children'):
        for ts in kids(ch, 'topics'):
            if ts.get('type') in ('attached', 'detached'):
                children += [xm(t) for t in kids(ts, 'topic')]
    return {'label': text_of(title[0]) if title else '', 'children': children}
if kind == 'opml': out = [opml(o) for o in kids(kids(root, 'body')[0], 'outline')]
elif kind == 'mm': out = [mm(n) for n in kids(root, 'node')]
else: out = [xm(t) for s in kids(root, 'sheet') for t in kids(s, 'topic')]
print(json.dumps(out))
`;

export const hasPython = spawnSync('python3', ['--version']).status === 0;

export function readWithPython(kind: 'opml' | 'mm' | 'xmind8', data: Uint8Array): LabelTree[] {
  const run = spawnSync('python3', ['-c', SCRIPT, kind], { input: data, maxBuffer: 64 << 20 });
  if (run.status !== 0) throw new Error(`python3 could not read the ${kind} file: ${run.stderr}`);
  return JSON.parse(run.stdout.toString('utf8')) as LabelTree[];
}
