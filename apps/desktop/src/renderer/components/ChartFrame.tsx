// A chart's box at its final size: the chart (recharts measures and draws it in a second pass of its
// own, some 30 ms a chart) is drawn right after the page's first paint, so the page's figures are not
// held back by its charts. The box keeps its height meanwhile, so nothing below it moves.
import type { ReactElement } from 'react';
import { ResponsiveContainer } from 'recharts';
import { useAfterFirstCommit } from '../hooks/useAfterFirstCommit.ts';

export function ChartFrame({ height, children }: { height: number; children: ReactElement }) {
  const ready = useAfterFirstCommit();
  if (!ready) return <div style={{ height }} aria-busy="true" />;
  return (
    <ResponsiveContainer width="100%" height={height}>
      {children}
    </ResponsiveContainer>
  );
}
