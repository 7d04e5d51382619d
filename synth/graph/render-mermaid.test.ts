import { describe, expect, it } from 'vitest';
import { GraphBuilder } from './model.ts';
import { renderDot } from './render-dot.ts';
import { renderMermaid } from './render-mermaid.ts';

describe('renderMermaid', () => {
  it('GIVEN labels with quotes, angle brackets, #, backticks and newlines WHEN rendered THEN they stay inside their quotes as entities', () => {
    const g = new GraphBuilder();
    const a = g.node({ id: 'a', label: ['cookie arm=#1 "x"', 'result[0] < 0.01 `code`\nnext'], shape: 'gate' });
    const b = g.node({ id: 'b', label: ['#quot;'], shape: 'task' });
    g.edge({ from: a, to: b, label: 'p > "0.5"', style: 'failure' });
    const out = renderMermaid(g.build('t'));
    expect(out).toContain('a[/"<b>cookie arm=#35;1 #quot;x#quot;</b><br/>result[0] #lt; 0.01 #96;code#96; next"/]');
    expect(out).toContain('b["#35;quot;"]');
    expect(out).toContain('a -.->|"p #gt; #quot;0.5#quot;"| b');
    expect(out).toContain('linkStyle 0 stroke:#c0392b');
  });

  it('GIVEN the same labels WHEN rendered as DOT THEN quotes and backslashes are escaped and lines become \\n', () => {
    const g = new GraphBuilder();
    g.node({ id: 'a', label: ['say "hi"', 'C:\\path'], shape: 'task' });
    expect(renderDot(g.build('t'))).toContain('"a" [label="say \\"hi\\"\\nC:\\\\path", shape=box, style=rounded];');
  });

  it('GIVEN direction LR WHEN rendered THEN Mermaid and DOT lay the graph out left to right', () => {
    const g = new GraphBuilder();
    g.node({ id: 'a', label: ['a'], shape: 'task' });
    expect(renderMermaid(g.build('t'), { direction: 'LR' }).split('\n')[0]).toBe('flowchart LR');
    expect(renderDot(g.build('t'), { direction: 'LR' })).toContain('rankdir=LR;');
  });
});
