// A history summary as people read it: textcards (invitations, notices) were recorded with their
// HTML description ("标题 — <div class=\"gray\">…</div>"); show their lines as text instead.
import { textcardLines } from '../../../shared/textcard-lines.ts';

export function readableSummary(summary: string): { line: string; full: string } {
  if (!/<\/?(div|br)\b/i.test(summary)) return { line: summary, full: summary };
  const cut = summary.indexOf(' — ');
  const title = cut >= 0 ? summary.slice(0, cut) : '';
  const lines = textcardLines(cut >= 0 ? summary.slice(cut + 3) : summary);
  return {
    line: [title, lines.join(' · ')].filter(Boolean).join(' — '),
    full: [title, ...lines].filter(Boolean).join('\n'),
  };
}
