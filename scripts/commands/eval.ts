import type { Command } from './types';

// Placeholder until the lookup engine lands (issue 3).
export const command: Command = {
  usage: 'lens eval',
  async run() {
    console.error('lens eval: not built yet');
    return 2;
  },
};
