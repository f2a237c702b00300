// A textcard description (WeCom's small HTML) read as lines. Its own module, free of schemas, so the
// renderer's start-up (the notice dialog's preview) does not build the models' zod schemas.

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ' };

/** A textcard description (WeCom's small HTML: div class gray / normal / highlight) as lines of text. */
export function textcardLines(description: string): string[] {
  return description
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/div>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (entity) => ENTITIES[entity] ?? entity)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
