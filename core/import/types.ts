/**
 * The importer's contract: a format adapter turns one published code (a folder of files) into a
 * pack. Adapters are pure: they read through `SourceFolder`, so the CLI (Node files), a test
 * (a temp folder) or an extension page (files the user picked) can feed them alike.
 */
import type { PackInput } from '../schema/pack';

/** A folder of the publication, read-only. Paths are relative, with "/" separators. */
export interface SourceFolder {
  list(): string[];
  read(path: string): string;
}

export interface ImportOptions {
  /** Pack id ("dc-code"). */
  id: string;
  title: string;
  jurisdiction: string;
  /**
   * The publication's date (what the pack is current to). Without it the adapter takes the latest
   * date the data itself gives, and says so; never today's date.
   */
  asOf?: string;
  /** Pack version; defaults to the as-of date. */
  version?: string;
}

export interface ImportReport {
  /** Files the adapter recognised as sections. */
  sections: number;
  entries: number;
  /** Files or sections left out, each with the reason. */
  skipped: { path: string; reason: string }[];
  /** Where the as-of date came from. */
  asOf: { date: string; from: 'option' | 'data' };
  /** Plain-language notes on currency and coverage (also written into the pack's description). */
  notes: string[];
}

export interface ImportResult {
  pack: PackInput;
  report: ImportReport;
}

export interface CodeAdapter {
  /** The `--format` name. */
  format: string;
  /** One line for usage messages. */
  description: string;
  /** Throws a plain Error when the folder is not this format at all. */
  convert(folder: SourceFolder, options: ImportOptions, progress?: (done: number, total: number) => void): ImportResult;
}
