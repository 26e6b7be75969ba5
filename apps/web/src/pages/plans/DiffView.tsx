import { Segmented, Space, Typography } from 'antd';
import { diffLines } from 'diff';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';

export interface DiffLine {
  op: 'ADDED' | 'REMOVED' | 'EQUAL';
  text: string;
  fromLine?: number | null;
  toLine?: number | null;
}

/** A line diff of two texts, numbered on both sides (what the server's lessonPlanDiff gives, computed here). */
export function lineDiff(before: string, after: string): DiffLine[] {
  const out: DiffLine[] = [];
  let a = 1;
  let b = 1;
  for (const part of diffLines(before, after)) {
    const lines = part.value.replace(/\n$/, '').split('\n');
    for (const text of lines) {
      if (part.added) out.push({ op: 'ADDED', text, toLine: b++ });
      else if (part.removed) out.push({ op: 'REMOVED', text, fromLine: a++ });
      else out.push({ op: 'EQUAL', text, fromLine: a++, toLine: b++ });
    }
  }
  return out;
}

const BG = { ADDED: '#e6ffec', REMOVED: '#ffebe9', EQUAL: 'transparent' } as const;
const SIGN = { ADDED: '+', REMOVED: '-', EQUAL: ' ' } as const;
const cell: React.CSSProperties = { padding: '0 8px', whiteSpace: 'pre-wrap', wordBreak: 'break-word', verticalAlign: 'top' };
const num: React.CSSProperties = { ...cell, color: '#8c8c8c', textAlign: 'right', userSelect: 'none', width: 1, whiteSpace: 'nowrap' };

/** Pairs removed and added runs side by side, for the split view. */
function rows(lines: DiffLine[]): [DiffLine | null, DiffLine | null][] {
  const out: [DiffLine | null, DiffLine | null][] = [];
  for (let i = 0; i < lines.length; ) {
    if (lines[i].op === 'EQUAL') {
      out.push([lines[i], lines[i]]);
      i++;
      continue;
    }
    const removed: DiffLine[] = [];
    const added: DiffLine[] = [];
    while (i < lines.length && lines[i].op === 'REMOVED') removed.push(lines[i++]);
    while (i < lines.length && lines[i].op === 'ADDED') added.push(lines[i++]);
    for (let k = 0; k < Math.max(removed.length, added.length); k++) out.push([removed[k] ?? null, added[k] ?? null]);
  }
  return out;
}

/** Shows a diff unified (one column, +/-) or side by side; `labels` name the older and the newer side. */
export function DiffView({ lines, labels }: { lines: DiffLine[]; labels: [string, string] }) {
  const { t } = useI18n();
  const [mode, setMode] = useState<'unified' | 'split'>('unified');
  const font: React.CSSProperties = { borderCollapse: 'collapse', width: '100%' };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Segmented size="small" value={mode} onChange={(v) => setMode(v as typeof mode)} options={[{ value: 'unified', label: t('plans.unified') }, { value: 'split', label: t('plans.split') }]} />
        <Typography.Text type="secondary">
          <span style={{ background: BG.REMOVED, padding: '0 4px' }}>- {labels[0]}</span> <span style={{ background: BG.ADDED, padding: '0 4px' }}>+ {labels[1]}</span>
        </Typography.Text>
      </Space>
      <div style={{ overflowX: 'auto', border: '1px solid #f0f0f0', borderRadius: 6 }}>
        {mode === 'unified' ? (
          <table className="mono" style={font} data-testid="diff-unified">
            <tbody>
              {lines.map((l, i) => (
                <tr key={i} style={{ background: BG[l.op] }} data-op={l.op}>
                  <td style={num}>{l.fromLine ?? ''}</td>
                  <td style={num}>{l.toLine ?? ''}</td>
                  <td style={cell}>{SIGN[l.op]} {l.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <table className="mono" style={font} data-testid="diff-split">
            <tbody>
              {rows(lines).map(([a, b], i) => (
                <tr key={i}>
                  <td style={{ ...num, background: a ? BG[a.op] : '#fafafa' }}>{a?.fromLine ?? ''}</td>
                  <td style={{ ...cell, background: a ? BG[a.op] : '#fafafa', width: '50%' }}>{a?.text ?? ''}</td>
                  <td style={{ ...num, background: b ? BG[b.op] : '#fafafa' }}>{b?.toLine ?? ''}</td>
                  <td style={{ ...cell, background: b ? BG[b.op] : '#fafafa', width: '50%' }}>{b?.text ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </Space>
  );
}
