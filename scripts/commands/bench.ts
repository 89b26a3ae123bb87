import type { Command } from './types';

// Placeholder until the lookup engine lands (issue 3).
export const command: Command = {
  usage: 'lens bench',
  async run() {
    console.error('lens bench: not built yet');
    return 2;
  },
};
