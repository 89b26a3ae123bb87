/**
 * The content-pack format: a public, versioned JSON format (the bundled packs compile to it and
 * users import it). Field names follow ../shared/PACK-SPEC.md. Types come from the schema
 * (`z.infer`), so the schema is the single definition of the format.
 *
 * What the schema cannot express (cross-references, unique ids, real calendar dates …) is checked
 * in ./integrity.ts.
 *
 * Each schema is `z.lazy`: built on its first parse, not when the module is evaluated. The
 * background's script holds this module but validates no pack on a worker start (the bundled
 * packs were validated at build time; imports are validated by the settings page), and building
 * these schemas took 7 ms of every start (decision 0011). Parsing and its messages are the same.
 */
import { z } from './zod';

/** The schemaVersion this build reads and writes. Bump it, and add a migration, on a breaking change. */
export const SCHEMA_VERSION = 1;

export const ENTRY_KINDS = [
  'ordinance',
  'ordinance-section',
  'amendment',
  'executive-order',
  'police-policy',
  'guidance',
  'office',
  'program',
  'statute',
  'regulation',
  'court-decision',
  'legal-opinion',
  'bill',
  'resolution',
  'form',
  'event',
  'term',
] as const;

export const STATUSES = [
  'in-force',
  'amended',
  'superseded',
  'proposed',
  'failed',
  'tabled',
  'enjoined',
  /** A court paused the order pending appeal: not `reversed`, which needs a decision saying so. */
  'stayed',
  'reversed',
  'rescinded',
  /** Codes keep a repealed, expired, omitted or transferred section's number and history (imported codes). */
  'repealed',
  'expired',
  'omitted',
  'transferred',
  'pending',
  'active',
  'event',
  'term',
  'unknown',
] as const;

/**
 * How sure a statement is. `primary`: an official text or page says it. `reported`: only secondary
 * reports (press, advocacy, law firms) say it. Unverified material is never a point: it is an
 * open question.
 */
export const CONFIDENCES = ['primary', 'reported'] as const;

/** Partial dates are allowed where the source gives only a month or a year ("2003-06", "2025"). */
const DATE_PATTERN = /^\d{4}(-\d{2}(-\d{2})?)?$/;
export const IsoDate = z.lazy(() => z.string().regex(DATE_PATTERN, 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD'));

const Id = z.lazy(() => z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'expected a lowercase slug (a-z, 0-9, ".", "-")'));
const NonEmpty = z.lazy(() => z.string().trim().min(1, 'must not be empty'));

export const SourceSchema = z.lazy(() =>
  z.object({
    /** Local id, referenced by points, exceptions and dates of the same entry ("s1"). */
    id: z.string().min(1),
    url: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }),
    publisher: NonEmpty,
    title: z.string().optional(),
    /** primary: official text or page; secondary: press, advocacy, law firm, aggregator. */
    type: z.enum(['primary', 'secondary']),
    /** The date of the document, or when it was read, as the facts file gives it. */
    asOf: IsoDate.optional(),
    /**
     * Set when `url` is not the publisher's own address but a copy of the document: a mirror, an
     * aggregator, a repost or a scraped page. Names where the copy lives ("pubt.io", "docslib"),
     * so a reader sees "Star Tribune (copy at pubt.io)" and knows to cite the original. `publisher`
     * always names the original publisher.
     */
    via: NonEmpty.optional(),
    /** The original publisher's own address for the same document, when one was found (only with `via`). */
    originalUrl: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional(),
  }),
);

const SourceRefs = z.lazy(() => z.array(z.string().min(1)).min(1, 'needs at least one source id'));

export const PointSchema = z.lazy(() =>
  z.object({
    text: NonEmpty,
    confidence: z.enum(CONFIDENCES),
    sources: SourceRefs,
    /** Subsection this point comes from, for pinpoint citations: "(a)(1)". */
    subsection: z.string().optional(),
  }),
);

const ExceptionSchema = PointSchema;

export const DATE_TYPES = [
  'adopted',
  'effective',
  'amended',
  'signed',
  'issued',
  'published',
  'filed',
  'decided',
  'stayed',
  'reversed',
  'tabled',
  'introduced',
  'failed',
  'rescinded',
  'announced',
  'event',
] as const;

export const DatedEventSchema = z.lazy(() =>
  z.object({
    date: IsoDate,
    type: z.enum(DATE_TYPES),
    /** What happened or changed on that date, in plain words. */
    what: NonEmpty,
    confidence: z.enum(CONFIDENCES),
    sources: SourceRefs,
  }),
);

/**
 * For an entry whose points describe an older text than the one in force: Chapter 19's 2003
 * wording, while the text of its December 2025 amendment was not available. Shown beside the
 * status on the card, the detail view and in the memo citation ("2003 text; amended Dec. 11, 2025;
 * amended text not available"), so nobody quotes the old wording as current.
 */
export const TextVersionSchema = z.lazy(() =>
  z.object({
    /** Which text the points describe, as a reader would name it: "2003 text". */
    describes: NonEmpty,
    /** When that text was amended or replaced, as precisely as the source gives it. */
    amended: IsoDate,
    /**
     * What the amendment amended, when it is larger than this entry: "Chapter 19" on a section whose
     * own changes, if any, are unknown ("2003 text; Chapter 19 amended Dec. 11, 2025; …").
     */
    what: NonEmpty.optional(),
    /** Whether the amended text was available to the authors (false: the points cannot say what changed in it). */
    amendedTextAvailable: z.boolean(),
  }),
);

export const EntrySchema = z.lazy(() =>
  z.object({
    id: Id,
    kind: z.enum(ENTRY_KINDS),
    jurisdiction: NonEmpty,
    /** The official heading where one exists. */
    title: NonEmpty,
    /** The short form a memo would use, where one exists. */
    citation: z.string().optional(),
    /** What people call it on news pages. */
    aliases: z.array(NonEmpty).default([]),
    /** One or two plain sentences: what the card shows first. */
    summary: NonEmpty,
    points: z.array(PointSchema).default([]),
    exceptions: z.array(ExceptionSchema).default([]),
    dates: z.array(DatedEventSchema).default([]),
    status: z.enum(STATUSES),
    /** Set when the points describe an older text than the one now in force (see TextVersionSchema). */
    textVersion: TextVersionSchema.optional(),
    sources: z.array(SourceSchema).min(1, 'needs at least one source'),
    related: z.array(Id).default([]),
    openQuestions: z.array(NonEmpty).default([]),
    /** Extra words a reader might use that are not names (search-only; never shown as fact). */
    keywords: z.array(NonEmpty).default([]),
  }),
);

export const ChangelogItemSchema = z.lazy(() =>
  z.object({
    version: NonEmpty,
    date: IsoDate,
    changes: z.array(NonEmpty).min(1),
  }),
);

export const PackSchema = z.lazy(() =>
  z.object({
    id: Id,
    title: NonEmpty,
    jurisdiction: NonEmpty,
    version: NonEmpty,
    /** The date the pack's facts are current to. */
    asOf: IsoDate,
    schemaVersion: z.literal(SCHEMA_VERSION, { error: `unsupported schemaVersion (this build reads ${SCHEMA_VERSION})` }),
    description: z.string().optional(),
    changelog: z.array(ChangelogItemSchema).default([]),
    entries: z.array(EntrySchema).min(1, 'a pack needs at least one entry'),
  }),
);

export type Source = z.infer<typeof SourceSchema>;
export type TextVersion = z.infer<typeof TextVersionSchema>;
export type Point = z.infer<typeof PointSchema>;
export type DatedEvent = z.infer<typeof DatedEventSchema>;
export type Entry = z.infer<typeof EntrySchema>;
export type Pack = z.infer<typeof PackSchema>;
export type EntryKind = (typeof ENTRY_KINDS)[number];
export type Status = (typeof STATUSES)[number];
export type Confidence = (typeof CONFIDENCES)[number];
/** What authors write: defaults not yet applied. */
export type EntryInput = z.input<typeof EntrySchema>;
export type PackInput = z.input<typeof PackSchema>;
