import type { Command } from './types';

// Placeholder until the lookup engine lands (issue 3).
export const command: Command = {
  usage: 'lens lookup',
  async run() {
    console.error('lens lookup: not built yet');
    return 2;
  },
};
