/**
 * `lens check [--json] [--stdin] TEXT…`: claim check with the same core the extension uses. Each
 * claim of the text, the point or exception of the pack that speaks to it, and the flags
 * (exception, reported, not-in-force, older-text, no-match, opposite). Evidence, not a verdict.
 */
import { readFileSync } from 'node:fs';
import { orReport } from '../lib/or-report';
import { checkClaims } from '../../core/claims/index';
import { FLAG_WORDS, NOT_A_VERDICT } from '../../core/claims/memo';
import { buildIndex } from '../../core/search/index';
import { bundledEntries } from './lookup';
import { runCommand, UsageError, type CommandSpec } from '../lib/cli-args';
import type { Command } from './types';

const spec = {
  name: 'check',
  synopsis: '[--json] [--stdin] TEXT…',
  summary: 'claim check: each claim of TEXT beside the point or exception of the pack that speaks to it, with flags (evidence, not a verdict)',
  positionals: true,
  options: {
    json: { type: 'boolean', help: 'print {"clauses": [{text, entry, match, matched, subsection?, confidence, flags}]}' },
    stdin: { type: 'boolean', help: 'read the text (or more of it) from standard input' },
  },
} as const satisfies CommandSpec;

export const command: Command = {
  spec,
  run: (args) => runCommand(spec, args, (v, parts) => checkText(parts.join(' '), !!v.stdin, !!v.json)),
};

async function checkText(argText: string, stdin: boolean, json: boolean): Promise<number> {
  let text = argText;
  if (stdin) text = `${text} ${readFileSync(0, 'utf8')}`.trim();
  if (!text.trim()) throw new UsageError('give the text to check (or --stdin)');
  const entries = orReport(() => bundledEntries());
  if (!entries) return 1;
  const index = buildIndex(entries);
  const res = checkClaims(index, entries, text);
  if (json) {
    const clauses = res.clauses.map((c) => ({
      text: c.text,
      entry: c.entry,
      match: c.match,
      matched: c.matched,
      ...(c.subsection ? { subsection: c.subsection } : {}),
      confidence: c.confidence,
      flags: c.flags,
    }));
    console.log(JSON.stringify({ clauses, ...(res.truncated ? { truncated: true } : {}) }, null, 2));
    return 0;
  }
  console.log(NOT_A_VERDICT);
  res.clauses.forEach((c, i) => {
    console.log(`\n${i + 1}. "${c.text}"`);
    if (!c.entry) {
      console.log('   nothing in this pack speaks to this claim');
      return;
    }
    const where = `${c.entry} ${c.match} ${c.index ?? ''}${c.subsection ? ` ${c.subsection}` : ''}`.trim();
    console.log(`   ${where} [${c.confidence === 'primary' ? 'Official' : 'Reported'}]: ${c.matched}`);
    if (c.aligned.length) console.log(`   aligned: ${c.aligned.join(', ')}`);
    if (c.flags.length) console.log(`   flags: ${c.flags.map((f) => `${f} (${FLAG_WORDS[f]})`).join('; ')}`);
  });
  return 0;
}
