// The simulator's AI bots (智能机器人, API mode 长连接): ids and secrets derived from the seed, so a
// seed always gives the same credentials.
import { ALNUM, deriveSeed, mulberry32, randomString } from '../random.ts';

export interface SimBot {
  name: string;
  botId: string;
  secret: string;
}

export function botsFor(seed: number): SimBot[] {
  const rng = mulberry32(deriveSeed(seed, 'aibots'));
  return [
    {
      name: 'training-assistant',
      botId: `aib${randomString(rng, 29, ALNUM)}`,
      secret: randomString(rng, 40, ALNUM),
    },
    { name: 'notice-bot', botId: `aib${randomString(rng, 29, ALNUM)}`, secret: randomString(rng, 40, ALNUM) },
  ];
}
