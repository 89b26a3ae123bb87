/** Recent lookups as Markdown (for pasting into notes) — the JSON export is lib/storage's backup. */
import type { HistoryItem } from './storage/history';

const esc = (s: string) => s.replace(/([\\`*_[\]<>|])/g, '\\$1').replace(/\s+/g, ' ').trim();

export function historyToMarkdown(items: readonly HistoryItem[], now = new Date()): string {
  const lines = [`# Ordinance Lens: recent lookups`, '', `Exported ${now.toISOString().slice(0, 10)}. Stored only on this computer.`, ''];
  if (!items.length) lines.push('_No lookups yet._');
  for (const it of items) {
    const when = new Date(it.at).toISOString().replace('T', ' ').slice(0, 16);
    lines.push(`- ${when} UTC: “${esc(it.query)}”${it.topTitle ? ` → ${esc(it.topTitle)}` : ' → nothing in the pack'}`);
  }
  return lines.join('\n') + '\n';
}

/** Offers `text` as a download named `name` (extension pages only). */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
